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
  // A text's name, or null once it must run unnamed.
  const names = new Map<string, string | null>()
  const nameOf = (text: string): string | null => {
    const known = names.get(text)
    if (known !== undefined || names.size >= limit) return known ?? null
    const name = `cw_${createHash('sha1').update(text).digest('hex')}`
    names.set(text, name)
    return name
  }
  class PreparingClient extends pg.Client {
    override query(...args: unknown[]): never {
      const [text, values] = args
      const run = (...rest: unknown[]) => (super.query as (...rest: unknown[]) => never)(...rest)
      if (typeof text !== 'string' || !Array.isArray(values) || values.length === 0 || args.length !== 2) return run(...args)
      const name = nameOf(text)
      if (!name) return run(text, values)
      return (run({ name, text, values }) as Promise<unknown>).catch((error: unknown) => {
        // A migration changed the columns a prepared `select *` returns (a rolling deploy: the new
        // version migrated while this process runs): PostgreSQL refuses the old plan for good, so the
        // text runs unnamed from now on.
        if (!isStaleResultType(error)) throw error
        names.set(text, null)
        return run(text, values)
      }) as never
    }
  }
  return PreparingClient
}

function isStaleResultType(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string }
  return code === '0A000' && message === 'cached plan must not change result type'
}
