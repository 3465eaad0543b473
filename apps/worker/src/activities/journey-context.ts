import type { Db } from '@crosswise/db'
import { isKnownTimeZone } from '@crosswise/domain'
import type { JourneyActivities } from '@crosswise/journeys'
import { z } from 'zod'
import { loadSegmentedCustomer } from './customer-segment.ts'
import { parseInput } from './failures.ts'

const loadJourneySchema = z.object({ storeId: z.string().min(1), customerId: z.string().min(1), orderId: z.string().min(1) })

/** Reads what a journey needs before it waits: the store's policy, the customer's segment and zone. */
export function journeyContextActivities(db: Db): Pick<JourneyActivities, 'loadJourney'> {
  return {
    async loadJourney(raw) {
      const { storeId, customerId } = parseInput(loadJourneySchema, raw)
      const { history, policy, segment } = await loadSegmentedCustomer(db, storeId, customerId)
      // The customer's own zone, else the store's, else the policy's default; unknown names are skipped.
      const zones = [history.customerTimeZone, history.storeTimeZone, policy.sendWindow.defaultTimeZone]
      const timeZone = zones.find((zone): zone is string => !!zone && isKnownTimeZone(zone)) ?? 'UTC'
      return { policy, segment, timeZone, redacted: history.redacted }
    },
  }
}
