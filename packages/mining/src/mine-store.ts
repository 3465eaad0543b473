import { countHistoryOrders, getStore, saveMinedPairings, type Db } from '@crosswise/db'
import { minePairingsInThread } from './mine-in-thread.ts'
import { readStoreHistory } from './store-history.ts'

/** Thrown when the store to mine does not exist. */
export class UnknownStoreError extends Error {
  override name = 'UnknownStoreError'
}

/** Where a mining run is: reading orders, mining them, or writing pairings (products done of total). */
export interface MiningProgress {
  phase: 'reading' | 'mining' | 'writing'
  done: number
  total: number
}

/** Options of {@link mineStorePairings}. */
export interface StoreMiningOptions {
  /** Partners stored per product (default 20). */
  perProduct?: number
  /** Told as the run advances, and every few seconds while mining; the writing phase waits for a returned promise. */
  onProgress?: (progress: MiningProgress) => void | Promise<void>
  /** Aborting stops the mining thread; the store keeps its current pairings. */
  signal?: AbortSignal
}

// Often enough for a heartbeat timeout of a minute or two.
const miningReportMs = 5_000

/** What a mining run did: the version it made current, or that there was nothing to mine. */
export type StoreMiningResult =
  | {
      status: 'mined'
      modelId: string
      orders: number
      products: number
      pairings: number
      /** Products with at least one stored partner. */
      productsPaired: number
      seconds: { reading: number; mining: number; writing: number }
    }
  | { status: 'no-orders' }

/**
 * Mines a store's order history (every live order, imported history included) and stores each
 * product's best partners as the store's new current model version. A store without orders keeps
 * whatever it had. Throws {@link UnknownStoreError} for a store that does not exist.
 */
export async function mineStorePairings(db: Db, storeId: string, options: StoreMiningOptions = {}): Promise<StoreMiningResult> {
  const perProduct = options.perProduct ?? 20
  const report = options.onProgress ?? (() => undefined)
  if (!(await getStore(db, storeId))) throw new UnknownStoreError(`store '${storeId}' does not exist`)
  const clock = stopwatch()

  const total = await countHistoryOrders(db, storeId)
  if (total === 0) return { status: 'no-orders' }
  await report({ phase: 'reading', done: 0, total })
  const { history, orders } = await readStoreHistory(db, storeId, (read) => void report({ phase: 'reading', done: read, total }))
  const reading = clock.lap()

  const miningProgress = { phase: 'mining', done: 0, total: 1 } as const
  await report(miningProgress)
  const products = history.products.size
  // Mining a large store is up to a minute of pure CPU: in a thread of its own, so the journeys on
  // this worker keep their event loop, and a report every few seconds keeps the heartbeat going.
  const reporter = setInterval(() => void report(miningProgress), miningReportMs)
  const mined = await minePairingsInThread(history, { perProduct, signal: options.signal }).finally(() => clearInterval(reporter))
  const mining = clock.lap()

  const paired = new Set<string>()
  const pairings = (function* () {
    for (const pairing of mined.pairings) {
      paired.add(pairing.triggerProductId)
      yield pairing
    }
  })()
  const version = await saveMinedPairings(db, {
    storeId,
    orderCount: orders,
    productCount: products,
    params: { perProduct, ease: mined.ease, weights: mined.weights },
    pairings,
    onWritten: () => report({ phase: 'writing', done: paired.size, total: products }),
  })
  await report({ phase: 'writing', done: products, total: products })
  return {
    status: 'mined',
    modelId: version.id,
    orders,
    products,
    pairings: version.pairingCount,
    productsPaired: paired.size,
    seconds: { reading, mining, writing: clock.lap() },
  }
}

function stopwatch(): { lap(): number } {
  let last = performance.now()
  return {
    lap() {
      const now = performance.now()
      const seconds = (now - last) / 1000
      last = now
      return seconds
    },
  }
}
