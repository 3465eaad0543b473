import { emailVariant, type Db } from '@crosswise/db'
import { isKnownTimeZone } from '@crosswise/domain'
import { loadSegmentedCustomer } from './customer-segment.ts'
import type { JourneyActivityImplementations } from './index.ts'

const dayMs = 86_400_000

/**
 * Reads what a journey needs before it waits: the store's policy, the customer's segment and zone.
 * An experiment variant (or promoted variant) with its own delay replaces the segment's delay here,
 * so the journey waits it without a step of its own.
 */
export function journeyContextActivities(db: Db): Pick<JourneyActivityImplementations, 'loadJourney'> {
  return {
    async loadJourney({ storeId, customerId, orderId }) {
      const [{ history, policy, segment }, { variant }] = await Promise.all([
        loadSegmentedCustomer(db, storeId, customerId),
        emailVariant(db, storeId, customerId, orderId),
      ])
      // The customer's own zone, else the store's, else the policy's default; unknown names are skipped.
      const zones = [history.customerTimeZone, history.storeTimeZone, policy.sendWindow.defaultTimeZone]
      const timeZone = zones.find((zone): zone is string => !!zone && isKnownTimeZone(zone)) ?? 'UTC'
      const delayMs = variant?.delayDays === undefined ? policy.delayMs : { ...policy.delayMs, [segment]: variant.delayDays * dayMs }
      return { policy: { ...policy, delayMs }, segment, timeZone, redacted: history.redacted }
    },
  }
}
