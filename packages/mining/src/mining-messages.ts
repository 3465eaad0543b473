import { minedPairingSchema } from '@crosswise/domain'
import { ItemIndex, type PurchaseHistory, signals } from '@crosswise/recommender'
import { z } from 'zod'

const count = z.number().int().nonnegative()

// Typed arrays cross the thread boundary as they are (their buffers moved, not copied); the
// receiving side checks their kind, as for any other field.
const uint32s = z.custom<Uint32Array>((value) => value instanceof Uint32Array, 'expected a Uint32Array')
const float64s = z.custom<Float64Array>((value) => value instanceof Float64Array, 'expected a Float64Array')

const historySchema = z.object({
  productIds: z.array(z.string()),
  titles: z.array(z.string()),
  categories: z.array(z.string().optional()),
  prices: float64s,
  baskets: z.object({
    itemCount: count,
    customerCount: count,
    offsets: uint32s,
    items: uint32s,
    customers: uint32s,
    times: float64s,
  }),
})

/** What the mining thread is asked: a store's purchase history and how many partners to keep per product. @internal */
export const miningRequestSchema = z.object({ history: historySchema, perProduct: z.number().int().min(1) })

/** @internal */
export type MiningRequest = z.infer<typeof miningRequestSchema>

/** What the mining thread answers: every product's best partners and how the model was blended. @internal */
export const miningReplySchema = z.object({
  pairings: z.array(minedPairingSchema),
  /** Whether EASE took part (it is left out for large catalogues). */
  ease: z.boolean(),
  weights: z.record(z.enum(signals), z.number()),
})

/** @internal */
export type MiningReply = z.infer<typeof miningReplySchema>

/**
 * Packs `history` into a request for the mining thread, with the buffers of its typed arrays to
 * transfer. The history's typed arrays are unusable afterwards: their memory moves to the thread.
 * @internal
 */
export function packMiningRequest(history: PurchaseHistory, perProduct: number): { request: MiningRequest; transfer: ArrayBuffer[] } {
  const { baskets } = history
  const request: MiningRequest = {
    history: {
      productIds: [...history.products.ids()],
      titles: [...history.titles],
      categories: [...history.categories],
      prices: history.prices,
      baskets: {
        itemCount: baskets.itemCount,
        customerCount: baskets.customerCount,
        offsets: baskets.offsets,
        items: baskets.items,
        customers: baskets.customers,
        times: baskets.times,
      },
    },
    perProduct,
  }
  const arrays = [history.prices, baskets.offsets, baskets.items, baskets.customers, baskets.times]
  // Views may share a buffer, and a buffer may be listed only once.
  const transfer = [...new Set(arrays.map((array) => array.buffer))].filter((buffer) => buffer instanceof ArrayBuffer)
  return { request, transfer }
}

/** The purchase history a request carries, ready for `mineModel`. @internal */
export function unpackPurchaseHistory(request: MiningRequest): PurchaseHistory {
  const { productIds, ...rest } = request.history
  return { ...rest, products: ItemIndex.of(productIds) }
}
