import { findProducts, repickSend, type Db, type ShownProduct } from '@crosswise/db'
import type { PairingPick, SendRecommendationInput } from '@crosswise/journeys'
import type { JourneyActivityImplementations } from './index.ts'

// Candidates tried after the journey's pick before the email gives up: each pick is checked for stock
// and page as it is made, so a second miss is already a race with the catalogue.
const maxFallThroughs = 3

/** A pick and the catalogue rows of its trigger and recommended products. */
export interface CheckedPick {
  pick: PairingPick
  products: ShownProduct[]
  /** The first recommended product that cannot be sent (out of stock, no page, or owned); undefined when none. */
  gone: string | undefined
}

async function check(db: Db, storeId: string, pick: PairingPick, owned: ReadonlySet<string>): Promise<CheckedPick> {
  const products = await findProducts(db, storeId, [pick.triggerProductId, ...pick.productIds])
  const gone = pick.productIds.find((id) => {
    const product = products.find((candidate) => candidate.productId === id)
    return !product?.available || !product.url || owned.has(id)
  })
  return { pick, products, gone }
}

/**
 * The pick an email goes out with: the journey's while its products can still be sent. When one is
 * gone (sold out since the pick, or bought meanwhile) and the email may change pairing, the next
 * candidate the recommender offers, without what the journey emailed or what is gone, written into
 * the send's ledger row. Only a send this attempt claimed changes pairing: after an earlier attempt
 * the gateway may have the first pick under the same key already.
 */
export async function sendablePick(
  db: Db,
  pickPairing: JourneyActivityImplementations['pickPairing'],
  input: SendRecommendationInput,
  claimed: { pick: PairingPick; claimedNow: boolean },
  owned: ReadonlySet<string>,
): Promise<CheckedPick> {
  const { storeId, customerId, orderId, sendKey, fallThrough } = input
  let checked = await check(db, storeId, claimed.pick, owned)
  if (!checked.gone || !fallThrough || !claimed.claimedNow) return checked
  const triedPairings: string[] = []
  const goneProducts: string[] = []
  for (let attempt = 0; checked.gone && attempt < maxFallThroughs; attempt++) {
    triedPairings.push(checked.pick.pairingId)
    goneProducts.push(checked.gone)
    const next = await pickPairing({
      storeId,
      customerId,
      orderId,
      excludePairingIds: [...fallThrough.excludePairingIds, ...triedPairings],
      excludeProductIds: [...fallThrough.excludeProductIds, ...goneProducts],
      ...(input.segment ? { segment: input.segment } : {}),
    })
    if (!next) return checked
    checked = await check(db, storeId, next, owned)
  }
  if (!checked.gone) {
    const { pick } = checked
    await repickSend(db, sendKey, { pairingId: pick.pairingId, pairingSource: pick.source, productIds: pick.productIds, pick })
  }
  return checked
}
