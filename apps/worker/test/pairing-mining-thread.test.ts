import {
  createDatabase,
  importOrderHistory,
  migrateToLatest,
  minedPairingsFor,
  readOrderHistory,
  type Db,
  type HistoricalOrder,
} from '@crosswise/db'
import { refreshPairings } from '@crosswise/journeys'
import type { MinedPairing } from '@crosswise/domain'
import { mineModel, OrderHistoryBuilder, type OrderHistory, topPairings } from '@crosswise/recommender'
import { createTestDatabase, temporalAddress, uniqueId } from '@crosswise/testing'
import { Client, Connection } from '@temporalio/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { minePairingsInThread, mineStorePairings } from '@crosswise/mining'
import { createActivities } from '@crosswise/engine'
import { givenStore } from './store-fixtures.ts'
import { withEngineWorker } from './engine-worker.ts'

// Big enough that mining takes seconds (EASE over 1,500 products dominates), small enough to import fast.
const productCount = 1_500
const customerCount = 2_000
const orderCount = 12_000

/** A deterministic store history: customers buy a product and a few of its neighbours, some more often. */
function generatedOrders(): HistoricalOrder[] {
  let seed = 7
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  const product = (index: number) => `p${String(index % productCount).padStart(4, '0')}`
  const start = Date.UTC(2025, 0, 1)
  return Array.from({ length: orderCount }, (_, order) => {
    const anchor = Math.floor(random() ** 2 * productCount)
    const size = 1 + Math.floor(random() * 4)
    const productIds = new Set([anchor, ...Array.from({ length: size }, () => anchor + 1 + Math.floor(random() * 8))].map(product))
    return {
      orderId: `o${order}`,
      customer: { id: `c${Math.floor(random() * customerCount)}` },
      currency: 'EUR',
      placedAt: new Date(start + order * 40 * 60_000),
      lineItems: [...productIds].map((productId) => ({
        productId,
        title: `Product ${productId}`,
        category: `cat-${productId.slice(-1)}`,
        quantity: 1,
        unitPrice: '10.00',
      })),
    }
  })
}

/** The store's history as mining reads it from PostgreSQL. */
async function storedHistory(db: Db, storeId: string): Promise<OrderHistory> {
  const builder = new OrderHistoryBuilder()
  await readOrderHistory(db, storeId, (line) =>
    builder.add({ ...line, category: line.category ?? undefined, unitPrice: Number(line.unitPrice), time: line.placedAt.getTime() }),
  )
  return builder.build()
}

const byTriggerAndRank = (a: MinedPairing, b: MinedPairing) =>
  a.triggerProductId < b.triggerProductId ? -1 : a.triggerProductId > b.triggerProductId ? 1 : a.rank - b.rank

describe('mining a store in a worker thread', () => {
  let db: Db
  let connection: Connection
  const storeId = uniqueId('shop')
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('pairing_mining_thread'))
    await migrateToLatest(db)
    connection = await Connection.connect({ address: temporalAddress() })
    await givenStore(db, storeId)
    const orders = generatedOrders()
    for (let from = 0; from < orders.length; from += 2_000) await importOrderHistory(db, storeId, orders.slice(from, from + 2_000))
  })
  afterAll(async () => {
    await connection?.close()
    await db?.destroy()
  })

  it('stores through the Temporal refresh exactly the pairings that mining in-process gives', { timeout: 600_000 }, async () => {
    const history = await storedHistory(db, storeId)
    const expected = [...topPairings(mineModel(history), { perProduct: 20 })]

    const taskQueue = uniqueId('mining-thread')
    const outcome = await withEngineWorker(createActivities({ db }), taskQueue, () =>
      new Client({ connection }).workflow.execute(refreshPairings, { taskQueue, workflowId: uniqueId('refresh'), args: [{ storeId }] }),
    )
    expect(outcome).toMatchObject({ status: 'mined', orders: orderCount, products: history.products.size, pairings: expected.length })
    const stored = await minedPairingsFor(db, storeId, history.products.ids(), 20)
    expect(stored.sort(byTriggerAndRank)).toEqual(expected.sort(byTriggerAndRank))
  })

  it('keeps the event loop ticking while it mines', { timeout: 300_000 }, async () => {
    let ticks = 0
    let ticksWhileMining: number | undefined
    let miningFrom: number | undefined
    const ticker = setInterval(() => ticks++, 20)
    try {
      const result = await mineStorePairings(db, storeId, {
        onProgress: ({ phase }) => {
          if (phase === 'mining') miningFrom ??= ticks
          if (phase === 'writing' && miningFrom !== undefined) ticksWhileMining ??= ticks - miningFrom
        },
      })
      expect(result.status).toBe('mined')
    } finally {
      clearInterval(ticker)
    }
    // Mining on the event loop itself would let at most one tick through.
    expect(ticksWhileMining).toBeGreaterThanOrEqual(25)
  })

  it('stops the mining thread when the run is cancelled', async () => {
    const controller = new AbortController()
    const mining = minePairingsInThread(await storedHistory(db, storeId), { perProduct: 20, signal: controller.signal })
    setTimeout(() => controller.abort(new Error('cancelled by the test')), 200)
    await expect(mining).rejects.toThrow('cancelled by the test')
  })
})
