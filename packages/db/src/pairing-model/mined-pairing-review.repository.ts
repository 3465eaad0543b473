import type { Db } from '../database.ts'
import type { MinedPairing } from '@crosswise/domain'
import { listPairingModels, type PairingModelVersion, toMinedPairing } from './pairing-model.repository.ts'

/** Which page of the current model's pairings to read, and for which trigger product. */
export interface MinedPairingPage {
  limit: number
  offset: number
  /** Only this product's partners; all trigger products when absent. */
  triggerProductId?: string
}

/** A page of the store's current mined pairings and the model version they belong to. */
export interface MinedPairingReview {
  /** Undefined when the store has never been mined. */
  model?: PairingModelVersion
  pairings: MinedPairing[]
}

/**
 * A page of the store's current mined pairings for a person to review: most orders behind a pairing
 * first (support), then trigger product and its own rank, so pages are stable between calls.
 */
export async function reviewMinedPairings(db: Db, storeId: string, page: MinedPairingPage): Promise<MinedPairingReview> {
  const model = (await listPairingModels(db, storeId)).find((version) => version.status === 'current')
  if (!model) return { pairings: [] }
  let query = db
    .selectFrom('mined_pairings')
    .selectAll()
    .where('model_id', '=', model.id)
    .orderBy('support', 'desc')
    .orderBy('trigger_product_id')
    .orderBy('rank')
    .limit(page.limit)
    .offset(page.offset)
  if (page.triggerProductId !== undefined) query = query.where('trigger_product_id', '=', page.triggerProductId)
  const rows = await query.execute()
  return {
    model,
    pairings: rows.map(toMinedPairing),
  }
}
