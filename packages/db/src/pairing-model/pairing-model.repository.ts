import { type Selectable, sql } from 'kysely'
import type { MinedPairing } from '@crosswise/domain'
import type { Db } from '../database.ts'
import type { MinedPairingTable, PairingModelStatus } from './pairing-model.table.ts'

/** A version of a store's mined pairings. */
export interface PairingModelVersion {
  id: string
  storeId: string
  status: PairingModelStatus
  orderCount: number
  productCount: number
  pairingCount: number
  params: Record<string, unknown>
  createdAt: Date
}

/** What a new version was mined from and the pairings it holds. */
export interface NewPairingModel {
  storeId: string
  orderCount: number
  productCount: number
  params: Record<string, unknown>
  /** Consumed once, batch by batch, so a large model is never held as rows in memory. */
  pairings: Iterable<MinedPairing>
  /** Rows per INSERT (default 2,000; 13 columns stay far below PostgreSQL's 65,535 parameters). */
  batchSize?: number
  /** Told the running count after each batch; the next batch waits for a returned promise. */
  onWritten?: (pairings: number) => void | Promise<void>
}

/**
 * Stores a new model version and makes it the store's current one, all in one transaction: readers
 * see the old version until the commit and the new one after, never a mix. The version it replaces
 * becomes `previous`; older ones are deleted with their pairings. Concurrent saves for one store
 * queue on an advisory lock, so each of them lands whole.
 */
export async function saveMinedPairings(db: Db, model: NewPairingModel): Promise<PairingModelVersion> {
  const batchSize = model.batchSize ?? 2_000
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${`pairing-model:${model.storeId}`}, 0))`.execute(trx)
    const { id } = await trx
      .insertInto('pairing_models')
      .values({
        store_id: model.storeId,
        status: 'building',
        order_count: model.orderCount,
        product_count: model.productCount,
        params: JSON.stringify(model.params),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    let written = 0
    let batch: MinedPairing[] = []
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return
      await trx
        .insertInto('mined_pairings')
        .values(
          batch.map((pairing) => ({
            model_id: id,
            store_id: model.storeId,
            trigger_product_id: pairing.triggerProductId,
            rank: pairing.rank,
            recommended_product_id: pairing.recommendedProductId,
            score: pairing.score,
            support: pairing.support,
            confidence: pairing.confidence,
            lift: pairing.lift,
            trigger_orders: pairing.triggerOrders,
            recommended_orders: pairing.recommendedOrders,
            next_order_count: pairing.nextOrderCount,
            reason: pairing.reason,
          })),
        )
        .execute()
      written += batch.length
      batch = []
      await model.onWritten?.(written)
    }
    for (const pairing of model.pairings) {
      batch.push(pairing)
      if (batch.length >= batchSize) await flush()
    }
    await flush()

    await trx.deleteFrom('pairing_models').where('store_id', '=', model.storeId).where('status', '=', 'previous').execute()
    await trx
      .updateTable('pairing_models')
      .set({ status: 'previous' })
      .where('store_id', '=', model.storeId)
      .where('status', '=', 'current')
      .execute()
    const row = await trx
      .updateTable('pairing_models')
      .set({ status: 'current', pairing_count: written })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    return toVersion(row)
  })
}

/** The store's model versions, newest first: the current one and the one before it. */
export async function listPairingModels(db: Db, storeId: string): Promise<PairingModelVersion[]> {
  const rows = await db.selectFrom('pairing_models').selectAll().where('store_id', '=', storeId).orderBy('id', 'desc').execute()
  return rows.map(toVersion)
}

/**
 * The current version's best pairings for some trigger products: up to `perTrigger` per product, in
 * rank order per product. Empty when the store has never been mined.
 */
export async function minedPairingsFor(
  db: Db,
  storeId: string,
  triggerProductIds: readonly string[],
  perTrigger: number,
): Promise<MinedPairing[]> {
  if (triggerProductIds.length === 0) return []
  const rows = await db
    .selectFrom('mined_pairings as p')
    .innerJoin('pairing_models as m', 'm.id', 'p.model_id')
    .selectAll('p')
    .where('m.store_id', '=', storeId)
    .where('m.status', '=', 'current')
    .where('p.trigger_product_id', 'in', triggerProductIds)
    .where('p.rank', '<=', perTrigger)
    .orderBy('p.trigger_product_id')
    .orderBy('p.rank')
    .execute()
  return rows.map(toMinedPairing)
}

/** A stored pairing row in the shape readers get. */
export function toMinedPairing(row: Selectable<MinedPairingTable>): MinedPairing {
  return {
    triggerProductId: row.trigger_product_id,
    rank: row.rank,
    recommendedProductId: row.recommended_product_id,
    score: row.score,
    support: row.support,
    confidence: row.confidence,
    lift: row.lift,
    triggerOrders: row.trigger_orders,
    recommendedOrders: row.recommended_orders,
    nextOrderCount: row.next_order_count,
    reason: row.reason,
  }
}

function toVersion(row: {
  id: string
  store_id: string
  status: PairingModelStatus
  order_count: number
  product_count: number
  pairing_count: number
  params: Record<string, unknown>
  created_at: Date
}): PairingModelVersion {
  return {
    id: row.id,
    storeId: row.store_id,
    status: row.status,
    orderCount: row.order_count,
    productCount: row.product_count,
    pairingCount: row.pairing_count,
    params: row.params,
    createdAt: row.created_at,
  }
}
