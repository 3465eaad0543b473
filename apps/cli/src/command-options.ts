import { parseArgs } from 'node:util'
import type { z } from 'zod'
import { UsageError } from './command.ts'

/**
 * A command's `--options`, read strictly and checked by `schema` (one key per option). Options named
 * in `flags` take no value; every other one takes one. An unknown option or a failed check becomes a
 * UsageError naming the option.
 */
export function parseOptions<S extends z.ZodObject>(args: string[], schema: S, flags: readonly string[] = ['json']): z.output<S> {
  const options = Object.fromEntries(
    Object.keys(schema.shape).map((name) => [name, { type: flags.includes(name) ? ('boolean' as const) : ('string' as const) }]),
  )
  let values
  try {
    values = parseArgs({ args, strict: true, options }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const checked = schema.safeParse(values)
  if (!checked.success) {
    const issue = checked.error.issues[0]!
    throw new UsageError(`--${String(issue.path[0])} ${issue.message}`)
  }
  return checked.data
}
