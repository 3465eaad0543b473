import { execFileSync } from 'node:child_process'
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDatabase } from '@crosswise/db'
import { freePort, startEmbeddedPostgres, type LocalPostgres } from '@crosswise/local-stack'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'

const asRoot = process.getuid?.() === 0

async function query(url: string, text: string): Promise<unknown[]> {
  const db = createDatabase(url, { maxConnections: 1 })
  try {
    return (await sql.raw(text).execute(db)).rows
  } finally {
    await db.destroy()
  }
}

describe('embedded PostgreSQL below a private folder', () => {
  const made: string[] = []
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true })
  })

  it('keeps its data where the server user can reach it, the same folder on every start', { timeout: 120_000 }, async () => {
    // A checkout inside `mktemp -d`: mode 700, which the `postgres` user cannot enter.
    const privateDir = await mkdtemp(join(tmpdir(), 'crosswise-private-'))
    made.push(privateDir)
    await chmod(privateDir, 0o700)
    const configured = join(privateDir, 'checkout', '.data', 'postgres')
    const start = async (): Promise<LocalPostgres> => startEmbeddedPostgres({ dataDir: configured, port: await freePort(), database: 'crosswise' })

    const first = await start()
    made.push(first.dataDir)
    try {
      if (asRoot) {
        // As root the server runs as `postgres`: its data moves to a private folder of its own in the temp folder.
        expect(first.dataDir).toMatch(new RegExp(`^${tmpdir()}/crosswise-postgres-data-[0-9a-f]{16}$`))
        expect(first.movedBecause).toBe(`the 'postgres' user cannot enter ${privateDir}`)
        const folder = await stat(first.dataDir)
        expect(folder.mode & 0o777).toBe(0o700)
        expect(folder.uid).toBe(Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()))
      } else {
        expect(first).toMatchObject({ dataDir: configured })
        expect(first.movedBecause).toBeUndefined()
      }
      await query(first.url, 'create table kept (note text)')
      await query(first.url, "insert into kept values ('from the first start')")
    } finally {
      await first.stop()
    }

    const second = await start()
    try {
      expect(second.dataDir).toBe(first.dataDir)
      expect(await query(second.url, 'select note from kept')).toEqual([{ note: 'from the first start' }])
    } finally {
      await second.stop()
    }
  })
})
