import { listStoreIds, type Db } from '@crosswise/db'
import { pairingRefreshId } from '@crosswise/domain'
import { refreshPairings } from '@crosswise/journeys'
import { type Client, ScheduleOverlapPolicy } from '@temporalio/client'
import type { Logger } from 'pino'
import { ensureStoreSchedule, StoreScheduleKeeper } from './store-schedules.ts'

/** How stores' pairing refreshes are scheduled. */
export interface RefreshScheduleOptions {
  taskQueue: string
  /** When to refresh, a cron expression in UTC (`CROSSWISE_PAIRING_REFRESH_CRON`, default 03:00 daily). */
  cron: string
  /** Limit on each call to Temporal. */
  callTimeoutMs: number
}

/**
 * Makes sure a store's pairing refresh is scheduled as configured: creates its Temporal Schedule, or
 * brings an existing one to the configured time and action. Idempotent, so every worker start may
 * call it; the schedule id is `pairingRefreshId(storeId)`.
 */
export async function ensureRefreshSchedule(
  client: Client,
  storeId: string,
  options: RefreshScheduleOptions,
): Promise<'created' | 'updated'> {
  const scheduleId = pairingRefreshId(storeId)
  return ensureStoreSchedule(client, {
    scheduleId,
    cron: options.cron,
    callTimeoutMs: options.callTimeoutMs,
    action: {
      type: 'startWorkflow',
      workflowType: refreshPairings,
      args: [{ storeId }],
      taskQueue: options.taskQueue,
      workflowId: scheduleId,
    },
    // A refresh still running when the next is due makes that one pointless; a worker down at
    // 03:00 catches up within the day rather than skipping a night.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  })
}

/** What a {@link RefreshScheduleKeeper} needs. */
export interface RefreshScheduleKeeperOptions extends RefreshScheduleOptions {
  client: Client
  db: Db
  /** How often to look for stores created since the last look. */
  everyMs: number
  logger: Logger
}

/**
 * Keeps a pairing refresh scheduled for every store: at start it ensures each store's schedule (so a
 * changed `CROSSWISE_PAIRING_REFRESH_CRON` reaches them all), then every `everyMs` those of stores
 * created since. A failed look is logged and tried again next time; journeys never wait for it.
 */
export class RefreshScheduleKeeper extends StoreScheduleKeeper {
  constructor(options: RefreshScheduleKeeperOptions) {
    super({
      what: 'pairing refresh',
      listStoreIds: () => listStoreIds(options.db),
      ensure: (storeId) => ensureRefreshSchedule(options.client, storeId, options),
      everyMs: options.everyMs,
      logger: options.logger,
    })
  }
}
