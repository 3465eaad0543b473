import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { countDispatches, createDatabase, guestCustomerIdIn, migrateToLatest, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { importCommand } from '../src/commands/import.ts'
import { openCsvFile } from '../src/import/csv-file.ts'
import { importHistory } from '../src/import/history-import.ts'
import type { Rejection } from '../src/import/rejections.ts'

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url))

describe('crosswise import orders', () => {
  let url: string
  let db: Db
  let scratch: string
  beforeAll(async () => {
    url = await createTestDatabase('cli_import')
    db = createDatabase(url)
    await migrateToLatest(db)
    scratch = await mkdtemp(join(tmpdir(), 'crosswise-import-'))
  })
  afterAll(async () => {
    await db?.destroy()
    if (scratch) await rm(scratch, { recursive: true, force: true })
  })

  const run = async (storeId: string, path: string, batchOrders = 3) => {
    await db
      .insertInto('stores')
      .values({ id: storeId, name: storeId })
      .onConflict((oc) => oc.doNothing())
      .execute()
    const rejections: Rejection[] = []
    const summary = await importHistory({ db, storeId, file: await openCsvFile(path), batchOrders, onRejection: (r) => rejections.push(r) })
    return { summary, rejections }
  }

  it('imports the Online Retail layout, gzipped, rejecting lines with their number and reason', async () => {
    const gz = join(scratch, 'online-retail-sample.csv.gz')
    await writeFile(gz, gzipSync(await readFile(fixture('online-retail-sample.csv'))))
    const { summary, rejections } = await run('retail', gz)
    expect(summary).toMatchObject({
      format: 'online-retail',
      lines: 37,
      orders: 8,
      ordersKnown: 0,
      orderLines: 32,
      customers: 6,
      products: 32,
      rejected: 5,
    })
    expect(rejections).toEqual([
      { line: 24, reason: 'InvoiceNo: a cancellation (C…), not an order' },
      { line: 32, reason: 'CustomerID: empty (a sale nobody can be followed up on)' },
      { line: 36, reason: 'Quantity: must be a whole number' },
      { line: 37, reason: 'UnitPrice: must be an amount such as "19.90": not negative, below 10,000,000,000' },
      { line: 38, reason: 'InvoiceDate: must be an ISO 8601 date-time' },
    ])
    const quoted = await db
      .selectFrom('order_lines')
      .select(['title', 'unit_price'])
      .where('order_id', '=', '536999')
      .executeTakeFirstOrThrow()
    expect(quoted).toEqual({ title: 'REGENCY CAKESTAND 3 TIER, "LARGE"', unit_price: '12.7500' })
    const order = await db.selectFrom('orders').selectAll().where('id', '=', '536365').executeTakeFirstOrThrow()
    expect(order).toMatchObject({ customer_id: '17850', currency: 'GBP', total: '139.1200', source: 'import' })
  })

  it('adds nothing on a re-import, and never dispatches', async () => {
    const again = await run('retail', fixture('online-retail-sample.csv'), 2)
    expect(again.summary).toMatchObject({ lines: 37, orders: 0, ordersKnown: 8, orderLines: 0, customers: 0, products: 0, rejected: 5 })
    expect(await countDispatches(db)).toEqual({ pending: 0, done: 0 })
  })

  it('imports the generic layout: guests by email, one customer per email, every bad line named', async () => {
    const { summary, rejections } = await run('generic', fixture('generic.csv'))
    expect(summary).toMatchObject({ format: 'generic', lines: 10, orders: 3, orderLines: 4, customers: 2, products: 3, rejected: 6 })
    expect(rejections).toEqual([
      { line: 6, reason: 'customer_id and email are both empty: a line needs one' },
      { line: 7, reason: 'unit_price: must be an amount such as "19.90": not negative, below 10,000,000,000' },
      { line: 8, reason: 'title: must not be empty' },
      { line: 9, reason: 'email: must be an email address' },
      { line: 10, reason: 'customer differs from the order’s first line' },
      { line: 11, reason: 'currency: must be a three-letter ISO 4217 code' },
    ])
    const customers = await db.selectFrom('customers').select(['id', 'email']).where('store_id', '=', 'generic').orderBy('id').execute()
    expect(customers).toEqual([
      { id: 'c-1', email: 'kim@example.com' },
      { id: await guestCustomerIdIn(db, 'generic', 'lee@example.com'), email: 'lee@example.com' },
    ])
    const a3 = await db.selectFrom('orders').select(['placed_at', 'total']).where('id', '=', 'A-3').executeTakeFirstOrThrow()
    expect(a3).toEqual({ placed_at: new Date('2026-02-01T08:30:00Z'), total: '29.9000' })
    expect((await run('generic', fixture('generic.csv'))).summary).toMatchObject({ orders: 0, ordersKnown: 3, customers: 0, products: 0 })
  })

  it('runs as a command: creates the store, prints the summary, writes every rejection to --rejects', async () => {
    const rejects = join(scratch, 'rejects.csv')
    const output: string[] = []
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk))
      return true
    })
    try {
      const code = await importCommand.run([
        'orders',
        fixture('generic.csv'),
        '--store',
        'cli-shop',
        '--currency',
        'EUR',
        '--database-url',
        url,
        '--rejects',
        rejects,
      ])
      expect(code).toBe(0)
    } finally {
      write.mockRestore()
    }
    const report = output.join('')
    expect(report).toContain("into store 'cli-shop' (generic format)")
    expect(report).toMatch(/orders +3 new, 0 already stored/)
    expect(report).toMatch(/lines rejected +6/)
    expect((await readFile(rejects, 'utf8')).split('\n').slice(0, 3)).toEqual([
      'line,reason',
      '6,"customer_id and email are both empty: a line needs one"',
      '7,"unit_price: must be an amount such as ""19.90"": not negative, below 10,000,000,000"',
    ])
    expect(await db.selectFrom('stores').select(['currency', 'api_token_hash']).where('id', '=', 'cli-shop').executeTakeFirst()).toEqual({
      currency: 'EUR',
      api_token_hash: null,
    })
  })

  it('refuses an unknown header and a wrong invocation', async () => {
    const odd = join(scratch, 'odd.csv')
    await writeFile(odd, 'a,b,c\n1,2,3\n')
    await expect(run('odd', odd)).rejects.toThrow('Unknown header')
    await expect(importCommand.run(['orders', odd])).rejects.toThrow('--store')
    await expect(importCommand.run(['customers', odd, '--store', 'x'])).rejects.toThrow('import orders FILE` or `import products FILE')
  })
})
