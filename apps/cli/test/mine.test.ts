import { fileURLToPath } from 'node:url'
import { createDatabase, listPairingModels, migrateToLatest, minedPairingsFor, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importCommand } from '../src/commands/import.ts'
import { mineCommand } from '../src/commands/mine.ts'
import { capture } from './capture-output.ts'

const fixture = fileURLToPath(new URL('./fixtures/mine/small-store.csv', import.meta.url))

describe('crosswise mine', () => {
  let url: string
  let db: Db
  beforeAll(async () => {
    url = await createTestDatabase('cli_mine')
    db = createDatabase(url)
    await migrateToLatest(db)
    const imported = await capture(() => importCommand.run(['orders', fixture, '--store', 'tea-shop', '--database-url', url]))
    expect(imported.code).toBe(0)
  })
  afterAll(async () => db?.destroy())

  it('stores each product’s partners with the counts a person can check by hand', async () => {
    const { code, out } = await capture(() => mineCommand.run(['--store', 'tea-shop', '--database-url', url]))
    expect(code).toBe(0)
    expect(out).toContain("Mined store 'tea-shop'")
    expect(out).toMatch(/orders\s+10\n/)
    expect(out).toMatch(/products\s+6, 6 with pairings/)

    // 10 orders; kettle is in 5 (O1–O4, O10), tea in 5 (O1–O3, O5, O6), both in 3 (O1–O3).
    const [best, ...rest] = await minedPairingsFor(db, 'tea-shop', ['kettle'], 20)
    expect(best).toMatchObject({
      rank: 1,
      recommendedProductId: 'tea',
      support: 3,
      triggerOrders: 5,
      recommendedOrders: 5,
      confidence: 0.6,
      lift: 1.2,
      reason: 'Bought with Kettle in 3 orders',
    })
    expect(rest.map((pairing) => pairing.recommendedProductId)).not.toContain('kibble')
    expect(rest.map((pairing) => pairing.recommendedProductId)).not.toContain('lead')
    // c1 bought kettle and tea in O1, then a mug in O9: one next-order transition each.
    const teaToMug = (await minedPairingsFor(db, 'tea-shop', ['tea'], 20)).find((pairing) => pairing.recommendedProductId === 'mug')
    expect(teaToMug?.nextOrderCount).toBe(1)
    expect(await minedPairingsFor(db, 'tea-shop', ['kibble'], 20)).toMatchObject([
      { rank: 1, recommendedProductId: 'lead', support: 2, lift: 5 },
    ])
  })

  it('makes each run the current version and keeps the one before', async () => {
    const { code } = await capture(() => mineCommand.run(['--store', 'tea-shop', '--top', '1', '--database-url', url]))
    expect(code).toBe(0)
    const [current, previous] = await listPairingModels(db, 'tea-shop')
    expect(current).toMatchObject({ status: 'current', orderCount: 10, productCount: 6, pairingCount: 6, params: { perProduct: 1 } })
    expect(previous).toMatchObject({ status: 'previous', params: { perProduct: 20 } })
    expect(await minedPairingsFor(db, 'tea-shop', ['kettle'], 20)).toHaveLength(1)
  })

  it('says clearly when the store does not exist, has no orders, or the arguments are wrong', async () => {
    const unknown = await capture(() => mineCommand.run(['--store', 'no-such-shop', '--database-url', url]))
    expect(unknown).toMatchObject({ code: 1 })
    expect(unknown.err).toContain("store 'no-such-shop' does not exist")

    await db.insertInto('stores').values({ id: 'empty-shop', name: 'Empty' }).execute()
    const empty = await capture(() => mineCommand.run(['--store', 'empty-shop', '--database-url', url]))
    expect(empty).toMatchObject({ code: 1 })
    expect(empty.err).toContain('has no orders to mine')

    await expect(mineCommand.run(['--database-url', url])).rejects.toThrow('--store ID is required')
    await expect(mineCommand.run(['--store', 'Tea Shop'])).rejects.toThrow('--store must be a store id')
    await expect(mineCommand.run(['--store', 'tea-shop', '--top', '0'])).rejects.toThrow('--top must be a whole number')
  })
})
