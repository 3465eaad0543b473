import { storeActivities } from '../activity-proxies.ts'
import type { PairingPick } from '../activities.ts'
import type { Journey } from '../journey.ts'

/**
 * Asks for something to recommend that this journey has not emailed yet; null when nothing fits.
 * Runs from before `journey-fewer-tasks` pick in this task of its own; later runs pick in the guards'.
 */
export async function choosePairing(journey: Journey): Promise<PairingPick | null> {
  return storeActivities.pickPairing({
    storeId: journey.start.storeId,
    customerId: journey.start.customerId,
    orderId: journey.trigger!.orderId,
    excludePairingIds: journey.state.pairingIds,
    excludeProductIds: journey.sentProductIds,
    segment: journey.context!.segment,
  })
}
