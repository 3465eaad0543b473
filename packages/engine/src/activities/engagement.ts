import { findPurchaseAfterEmail, findSend, recordConversion, recordSendEngagement, type Db } from '@crosswise/db'
import { ApplicationFailure } from '@temporalio/common'
import { classifyGatewayFailure } from './failures.ts'
import type { JourneyActivityImplementations } from './index.ts'
import type { Channel, Messaging } from './messaging.ts'

/** How a send went out, by the ledger (for engagement reads of runs whose sends did not answer it). */
async function deliveryOf(db: Db, sendKey: string): Promise<{ channel: Channel; profileId: string }> {
  const send = await findSend(db, sendKey)
  if (!send?.profileId || !send.channel)
    throw ApplicationFailure.nonRetryable(`Send ${sendKey} is not in the ledger as sent`, 'UnknownSend')
  return { channel: send.channel as Channel, profileId: send.profileId }
}

/**
 * Engagement after an email: opens and clicks of our own flow's emails through the channel the email
 * used (Klaviyo's events, never a newsletter's, or the dry run's recorded ones), purchases of a recommended product from our own orders (and, for
 * dry runs, a purchase recorded by hand). Clicks imply an open: privacy proxies hide some opens.
 */
export function engagementActivities(
  db: Db,
  messaging: Messaging,
): Pick<JourneyActivityImplementations, 'fetchEngagement' | 'recordConversion'> {
  return {
    async fetchEngagement(input) {
      const { storeId, customerId, sendKey } = input
      const { channel, profileId } = input.delivery ?? (await deliveryOf(db, sendKey))
      const events = await classifyGatewayFailure(async () =>
        (await messaging.gateway(storeId, channel)).readEngagement({ profileId, since: input.sentAt }),
      )
      // Kept for attribution (an order within the store's window after an open or click is credited to
      // the email) and to show what the branch went by: our flow's events only, with their message.
      await recordSendEngagement(
        db,
        storeId,
        sendKey,
        events.map((event) => ({
          kind: event.kind,
          at: new Date(event.at),
          ...(event.flowId ? { flowId: event.flowId } : {}),
          ...(event.messageId ? { messageId: event.messageId } : {}),
        })),
      )
      const clicked = events.some((event) => event.kind === 'clicked')
      const purchase = await findPurchaseAfterEmail(db, {
        storeId,
        customerId,
        productIds: input.productIds,
        since: new Date(input.sentAt),
        ...(channel === 'outbox' ? { dryRunSendKey: sendKey } : {}),
      })
      const purchaseOrderId = purchase.orderId
      const purchased = purchaseOrderId !== undefined || purchase.recordedInDryRun
      return {
        opened: clicked || events.some((event) => event.kind === 'opened'),
        clicked,
        purchased,
        ...(purchaseOrderId ? { purchaseOrderId } : {}),
      }
    },

    async recordConversion(input) {
      await recordConversion(db, { ...input, purchaseOrderId: input.purchaseOrderId ?? null })
    },
  }
}
