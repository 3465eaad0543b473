/** One `crosswise` sub-command: its name, a one-line summary for help, and what it does. */
export interface Command {
  name: string
  summary: string
  usage: string
  /** What each option means, one line each, shown by `--help`. */
  options?: readonly string[]
  run(args: string[]): Promise<number>
}

/** Thrown for a wrong invocation; main prints the message and the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
