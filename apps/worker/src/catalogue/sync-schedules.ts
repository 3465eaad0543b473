import { listShopifyConnectedStoreIds, type Db } from '@crosswise/db'
import { catalogueSyncId } from '@crosswise/domain'
import { syncCatalogue } from '@crosswise/journeys'
import { type Client, ScheduleOverlapPolicy } from '@temporalio/client'
import type { Logger } from 'pino'
import { ensureStoreSchedule, StoreScheduleKeeper } from '../store-schedules.ts'

/** How Shopify-connected stores' catalogue syncs are scheduled. */
export interface CatalogueSyncScheduleOptions {
  taskQueue: string
  /** When to sync, a cron expression in UTC (`CROSSWISE_CATALOGUE_SYNC_CRON`, default every six hours). */
  cron: string
  /** Limit on each call to Temporal. */
  callTimeoutMs: number
}

/**
 * Makes sure a store's catalogue sync is scheduled as configured: creates its Temporal Schedule
 * (`catalogueSyncId(storeId)`), or brings an existing one to the configured time and action. Idempotent.
 */
export async function ensureCatalogueSyncSchedule(
  client: Client,
  storeId: string,
  options: CatalogueSyncScheduleOptions,
): Promise<'created' | 'updated'> {
  const scheduleId = catalogueSyncId(storeId)
  return ensureStoreSchedule(client, {
    scheduleId,
    cron: options.cron,
    callTimeoutMs: options.callTimeoutMs,
    action: {
      type: 'startWorkflow',
      workflowType: syncCatalogue,
      args: [{ storeId }],
      taskQueue: options.taskQueue,
      workflowId: scheduleId,
    },
    // A sync still running when the next is due makes that one pointless; a missed one is made up
    // within the hour, later ones wait for the next slot.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
  })
}

/** What a {@link CatalogueSyncScheduleKeeper} needs. */
export interface CatalogueSyncScheduleKeeperOptions extends CatalogueSyncScheduleOptions {
  client: Client
  db: Db
  /** How often to look for stores connected since the last look. */
  everyMs: number
  logger: Logger
}

/**
 * Keeps a catalogue sync scheduled for every store with a Shopify connection: at start for each (so a
 * changed `CROSSWISE_CATALOGUE_SYNC_CRON` reaches them all), then every `everyMs` for stores connected
 * since. A store disconnected later keeps its schedule until the API removes it; its syncs then end
 * as `not-connected`.
 */
export class CatalogueSyncScheduleKeeper extends StoreScheduleKeeper {
  constructor(options: CatalogueSyncScheduleKeeperOptions) {
    super({
      what: 'catalogue sync',
      listStoreIds: () => listShopifyConnectedStoreIds(options.db),
      ensure: (storeId) => ensureCatalogueSyncSchedule(options.client, storeId, options),
      everyMs: options.everyMs,
      logger: options.logger,
    })
  }
}
