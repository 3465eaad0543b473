import { findSend, hasDryRunPurchase, purchaseOfProductsSince, recordConversion, type Db } from '@crosswise/db'
import type { JourneyActivities } from '@crosswise/journeys'
import { ApplicationFailure } from '@temporalio/common'
import { z } from 'zod'
import { classifyGatewayFailure, parseInput } from './failures.ts'
import type { Channel, Messaging } from './messaging.ts'

const fetchSchema = z.object({
  storeId: z.string().min(1),
  customerId: z.string().min(1),
  sendKey: z.string().min(1),
  sentAt: z.iso.datetime({ offset: true }),
  productIds: z.array(z.string()),
})

const conversionSchema = z.object({
  storeId: z.string().min(1),
  customerId: z.string().min(1),
  orderId: z.string().min(1),
  sendKey: z.string().min(1),
  pairingId: z.string().min(1),
  purchaseOrderId: z.string().min(1).optional(),
})

/**
 * Engagement after an email: opens and clicks through the channel the email used (Klaviyo's events,
 * or the dry run's recorded ones), purchases of a recommended product from our own orders (and, for
 * dry runs, a purchase recorded by hand). Clicks imply an open: privacy proxies hide some opens.
 */
export function engagementActivities(db: Db, messaging: Messaging): Pick<JourneyActivities, 'fetchEngagement' | 'recordConversion'> {
  return {
    async fetchEngagement(raw) {
      const input = parseInput(fetchSchema, raw)
      const { storeId, customerId, sendKey } = input
      const send = await findSend(db, sendKey)
      if (!send?.profileId || !send.channel) throw ApplicationFailure.nonRetryable(`Send ${sendKey} is not in the ledger as sent`, 'UnknownSend')
      const channel = send.channel as Channel
      const events = await classifyGatewayFailure(async () =>
        (await messaging.gateway(storeId, channel)).readEngagement({ profileId: send.profileId!, since: input.sentAt }),
      )
      const clicked = events.some((event) => event.kind === 'clicked')
      const purchaseOrderId = await purchaseOfProductsSince(db, storeId, customerId, input.productIds, new Date(input.sentAt))
      const purchased = purchaseOrderId !== undefined || (channel === 'outbox' && (await hasDryRunPurchase(db, sendKey)))
      return {
        opened: clicked || events.some((event) => event.kind === 'opened'),
        clicked,
        purchased,
        ...(purchaseOrderId ? { purchaseOrderId } : {}),
      }
    },

    async recordConversion(raw) {
      const input = parseInput(conversionSchema, raw)
      await recordConversion(db, { ...input, purchaseOrderId: input.purchaseOrderId ?? null })
    },
  }
}
