import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UsageError } from '../src/command.ts'
import { evaluateCommand } from '../src/commands/evaluate.ts'
import { importCommand } from '../src/commands/import.ts'
import { capture } from './capture-output.ts'

/**
 * A store's history in the generic import format, the same every run: 400 customers, each ordering
 * two to four times in 2026 from 40 products in 4 categories, with a favourite category each.
 */
function generatedHistory(): string {
  let seed = 42
  const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n)
  const rows = ['order_id,customer_id,email,product_id,title,category,quantity,unit_price,currency,time']
  let order = 0
  for (let customer = 0; customer < 400; customer++) {
    const favourite = next(4)
    const orders = 2 + next(3)
    for (let index = 0; index < orders; index++) {
      order++
      const day = 1 + Math.floor(((index + next(100) / 100) * 330) / orders)
      const time = new Date(Date.UTC(2026, 0, day, 10)).toISOString()
      const products = new Set<number>()
      for (let line = 1 + next(3); line > 0; line--) products.add(next(4) === 0 ? next(40) : favourite * 10 + next(10))
      for (const product of products) {
        const id = `p${String(product).padStart(2, '0')}`
        rows.push(
          `O${String(order).padStart(5, '0')},c${customer},c${customer}@example.com,${id},Product ${id},cat${Math.floor(product / 10)},1,${5 + product}.00,EUR,${time}`,
        )
      }
    }
  }
  return `${rows.join('\n')}\n`
}

/** Runs evaluate with `--json` and returns the report it printed. */
async function evaluate(args: string[]): Promise<Record<string, unknown>> {
  const { code, out } = await capture(() => evaluateCommand.run([...args, '--cutoff', '2026-09-01', '--json']))
  expect(code).toBe(0)
  return JSON.parse(out) as Record<string, unknown>
}

describe('crosswise evaluate', () => {
  let url: string
  let dir: string
  let file: string
  beforeAll(async () => {
    url = await createTestDatabase('cli_evaluate')
    dir = await mkdtemp(join(tmpdir(), 'crosswise-evaluate-'))
    file = join(dir, 'history.csv')
    await writeFile(file, generatedHistory())
    expect((await capture(() => importCommand.run(['orders', file, '--store', 'evaluated', '--database-url', url]))).code).toBe(0)
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))

  it("scores a store's imported history in PostgreSQL exactly as the file it came from", async () => {
    const fromFile = await evaluate(['--data', file])
    const fromStore = await evaluate(['--store', 'evaluated', '--database-url', url])
    expect(fromStore.data).toBe('store evaluated')
    expect((fromFile.test as { customers: number }).customers).toBeGreaterThan(100)
    expect(fromStore.lines).toBe(fromFile.lines)
    expect(fromStore.test).toEqual(fromFile.test)
    expect(fromStore.validation).toEqual(fromFile.validation)
    expect(fromStore.rows).toEqual(fromFile.rows)
  })

  it('names what is wrong: no source, both sources, an unknown store', async () => {
    await expect(evaluateCommand.run([])).rejects.toThrow(UsageError)
    await expect(evaluateCommand.run(['--data', file, '--store', 'evaluated'])).rejects.toThrow(/one of --data FILE .* or --store ID/)
    await expect(evaluateCommand.run(['--store', 'nowhere', '--database-url', url])).rejects.toThrow("store 'nowhere' does not exist")
  })
})
