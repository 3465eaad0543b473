import { deleteDeliveriesReceivedBefore, type Db } from '@crosswise/db'
import type { FastifyBaseLogger } from 'fastify'

/** How long webhook deliveries are kept, and how often expired ones are deleted. */
export interface DeliveryRetention {
  /** Age in ms after which a delivery is deleted; longer than Shopify's retries (48 h at most). */
  keepMs: number
  /** Time in ms between two sweeps. */
  sweepEveryMs: number
}

/** Seven days: well past Shopify's last retry, short enough that the dedupe table stays small. */
export const defaultDeliveryRetention: DeliveryRetention = { keepMs: 7 * 24 * 3_600_000, sweepEveryMs: 3_600_000 }

/**
 * Deletes expired deliveries now and then every `sweepEveryMs` until stopped. A failed sweep is
 * logged and tried again at the next tick; a tick while a sweep still runs is skipped.
 */
export function sweepExpiredDeliveries(db: Db, retention: DeliveryRetention, log: FastifyBaseLogger): { stop: () => Promise<void> } {
  let running: Promise<void> | undefined
  const sweep = () => {
    if (running) return
    running = deleteDeliveriesReceivedBefore(db, new Date(Date.now() - retention.keepMs))
      .then((deleted) => {
        if (deleted > 0) log.info({ deleted }, 'expired webhook deliveries deleted')
      })
      .catch((error: unknown) => log.warn({ err: error }, 'webhook delivery sweep failed'))
      .finally(() => {
        running = undefined
      })
  }
  sweep()
  const timer = setInterval(sweep, retention.sweepEveryMs)
  // The sweep alone must not keep the process alive.
  timer.unref()
  return {
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
