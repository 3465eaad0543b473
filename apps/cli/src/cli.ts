import { ConfigError } from '@crosswise/config'
import { UsageError, type Command } from './command.ts'
import { commands } from './commands/index.ts'

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length))
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`)
  return `Usage: crosswise <command> [options]\n\nCommands:\n${lines.join('\n')}\n\n\`crosswise <command> --help\` explains a command.\n`
}

/** A command's `--help`: what it does, its usage and its options. */
export function commandHelp(command: Command): string {
  const options = command.options?.length ? `\nOptions:\n${command.options.map((line) => `  ${line}`).join('\n')}\n` : ''
  return `${command.summary}\n\nUsage: ${command.usage}\n${options}`
}

const asksForHelp = (args: readonly string[]) => args.includes('--help') || args.includes('-h')

/** Runs `crosswise` with its arguments; returns the exit code (2 for a wrong invocation). */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(overview())
    return name === undefined ? 2 : 0
  }
  const command = commands.find((candidate) => candidate.name === name)
  if (!command) {
    process.stderr.write(`crosswise: unknown command '${name}'\n\n${overview()}`)
    return 2
  }
  if (asksForHelp(rest)) {
    process.stdout.write(commandHelp(command))
    return 0
  }
  try {
    return await command.run(rest)
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`crosswise ${command.name}: ${error.message}\nUsage: ${command.usage}\n`)
      return 2
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`crosswise: ${error.message}\n`)
      return 2
    }
    // A failed command reports its reason in one line; the stack only helps when debugging.
    const detail =
      process.env.LOG_LEVEL === 'debug' && error instanceof Error ? error.stack : String(error instanceof Error ? error.message : error)
    process.stderr.write(`crosswise ${command.name}: ${detail}\n`)
    return 1
  }
}
