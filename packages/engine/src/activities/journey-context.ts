import type { Db } from '@crosswise/db'
import { isKnownTimeZone } from '@crosswise/domain'
import { loadSegmentedCustomer } from './customer-segment.ts'
import type { JourneyActivityImplementations } from './index.ts'

/** Reads what a journey needs before it waits: the store's policy, the customer's segment and zone. */
export function journeyContextActivities(db: Db): Pick<JourneyActivityImplementations, 'loadJourney'> {
  return {
    async loadJourney({ storeId, customerId }) {
      const { history, policy, segment } = await loadSegmentedCustomer(db, storeId, customerId)
      // The customer's own zone, else the store's, else the policy's default; unknown names are skipped.
      const zones = [history.customerTimeZone, history.storeTimeZone, policy.sendWindow.defaultTimeZone]
      const timeZone = zones.find((zone): zone is string => !!zone && isKnownTimeZone(zone)) ?? 'UTC'
      return { policy, segment, timeZone, redacted: history.redacted }
    },
  }
}
