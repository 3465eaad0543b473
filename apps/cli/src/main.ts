import { ConfigError } from '@crosswise/config'
import { UsageError } from './command.ts'
import { commands } from './commands/index.ts'

function help(): string {
  const width = Math.max(...commands.map((command) => command.name.length))
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`)
  return `Usage: crosswise <command> [options]\n\nCommands:\n${lines.join('\n')}\n`
}

async function main(argv: string[]): Promise<number> {
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
    const detail = process.env.LOG_LEVEL === 'debug' && error instanceof Error ? error.stack : String(error instanceof Error ? error.message : error)
    process.stderr.write(`crosswise ${command.name}: ${detail}\n`)
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
