import { createHash } from 'node:crypto'
import pg from 'pg'

/**
 * A pg client class that runs parameterised statements as named prepared statements, so each
 * connection parses and plans a statement once instead of on every call (the webhook path runs
 * the same few statements thousands of times a second). At most `limit` distinct texts get a name
 * per process: statements built with a varying shape (lists of values) would otherwise fill every
 * backend with plans that are never used again; texts past the limit run unnamed, as before.
 */
export function preparingClient(limit: number): typeof pg.Client {
  const names = new Map<string, string>()
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text)
    if (known !== undefined || names.size >= limit) return known
    const name = `cw_${createHash('sha1').update(text).digest('hex')}`
    names.set(text, name)
    return name
  }
  class PreparingClient extends pg.Client {
    override query(...args: unknown[]): never {
      const [text, values] = args
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && args.length === 2) {
        const name = nameOf(text)
        if (name) return (super.query as (...rest: unknown[]) => never)({ name, text, values })
      }
      return (super.query as (...rest: unknown[]) => never)(...args)
    }
  }
  return PreparingClient
}
