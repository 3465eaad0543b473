/**
 * A customer's stable position in [0, 1) for holdout assignment: FNV-1a (32 bit) of
 * `{storeId}:{customerId}` scaled to the unit interval. The same customer always lands in the same
 * place, so every journey of theirs in that store agrees on their group without stored state, and
 * the value is the same in workflow code and activities.
 */
export function holdoutPosition(storeId: string, customerId: string): number {
  const text = `${storeId}:${customerId}`
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash / 2 ** 32
}

/** Whether the customer belongs to the store's holdout: recorded, never emailed (lift measurement). */
export function isHeldOut(storeId: string, customerId: string, holdoutShare: number): boolean {
  return holdoutPosition(storeId, customerId) < holdoutShare
}
