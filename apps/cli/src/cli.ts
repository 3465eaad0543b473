import { ConfigError } from '@crosswise/config'
import { UsageError, type Command } from './command.ts'
import { commands } from './commands/index.ts'

function help(): string {
  const width = Math.max(...commands.map((command) => command.name.length))
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`)
  return `Usage: crosswise <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nEach command answers --help.\n`
}

/** A command's own help: usage (one line per form), summary, and each option with what it does. */
export function commandHelp(command: Command): string {
  const [first, ...more] = command.usage.split('\n')
  const usage = [`Usage: ${first}`, ...more.map((form) => `       ${form}`)]
  const options = { ...command.options, '-h, --help': 'show this help' }
  const width = Math.max(...Object.keys(options).map((option) => option.length))
  const described = Object.entries(options).map(([option, text]) => `  ${option.padEnd(width)}  ${text}`)
  return `${usage.join('\n')}\n\n${command.summary}\n\nOptions:\n${described.join('\n')}\n`
}

/** Whether the arguments ask for help; what follows `--` is the command's own. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--')
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h')
}

/** Runs `crosswise` with its arguments (without the node and script paths); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(help())
    return name === undefined ? 2 : 0
  }
  const command = commands.find((candidate) => candidate.name === name)
  if (!command) {
    process.stderr.write(`crosswise: unknown command '${name}'\n\n${help()}`)
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
      process.stderr.write(`crosswise ${command.name}: ${error.message}\nUsage: ${command.usage.replaceAll('\n', '\n       ')}\n`)
      return 2
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`crosswise: ${error.message}\n`)
      return 2
    }
    // A failed command reports its reason in one line; the stack only helps when debugging.
    const detail = process.env.LOG_LEVEL === 'debug' && error instanceof Error ? error.stack : String(error instanceof Error ? error.message : error)
    process.stderr.write(`crosswise ${command.name}: ${detail}\n`)
    return 1
  }
}
