/** One `crosswise` sub-command: its name, a one-line summary and its usage for help, and what it does. */
export interface Command {
  name: string
  summary: string
  /** How to call it; one line per form. */
  usage: string
  /** Each option as written (`--store ID`) and what it does, for `crosswise <command> --help`. */
  options: Readonly<Record<string, string>>
  run(args: string[]): Promise<number>
}

/** Thrown for a wrong invocation; main prints the message and the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
