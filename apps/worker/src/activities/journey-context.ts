import { loadCustomerHistory, type Db } from '@crosswise/db'
import { classifySegment, isKnownTimeZone, journeyPolicySchema } from '@crosswise/domain'
import type { JourneyActivities } from '@crosswise/journeys'
import { ApplicationFailure } from '@temporalio/common'
import { z } from 'zod'
import { parseInput } from './failures.ts'

const loadJourneySchema = z.object({ storeId: z.string().min(1), customerId: z.string().min(1), orderId: z.string().min(1) })

/** Reads what a journey needs before it waits: the store's policy, the customer's segment and zone. */
export function journeyContextActivities(db: Db): Pick<JourneyActivities, 'loadJourney'> {
  return {
    async loadJourney(raw) {
      const { storeId, customerId } = parseInput(loadJourneySchema, raw)
      const history = await loadCustomerHistory(db, storeId, customerId)
      if (!history) throw ApplicationFailure.nonRetryable(`Customer ${customerId} of store ${storeId} is not recorded`, 'UnknownCustomer')
      const policy = journeyPolicySchema.safeParse(history.storePolicy)
      if (!policy.success) throw ApplicationFailure.nonRetryable(`Store ${storeId} has an invalid journey policy: ${policy.error.message}`, 'InvalidPolicy')
      // The customer's own zone, else the store's, else the policy's default; unknown names are skipped.
      const zones = [history.customerTimeZone, history.storeTimeZone, policy.data.sendWindow.defaultTimeZone]
      const timeZone = zones.find((zone): zone is string => !!zone && isKnownTimeZone(zone)) ?? 'UTC'
      return {
        policy: policy.data,
        segment: classifySegment(history.orders, policy.data.segments).segment,
        timeZone,
        redacted: history.redacted,
      }
    },
  }
}
