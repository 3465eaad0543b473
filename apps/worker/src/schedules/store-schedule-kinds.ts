import { listShopifyConnectedStoreIds, listStoreIds } from '@crosswise/db'
import { catalogueSyncId, pairingRefreshId } from '@crosswise/domain'
import { refreshPairings, syncCatalogue } from '@crosswise/journeys'
import type { StoreScheduleKind } from './store-schedule.ts'

/**
 * Every store's mined pairings, refreshed nightly (`CROSSWISE_PAIRING_REFRESH_CRON`); a worker down
 * at the due time catches up within the day rather than skipping a night.
 */
export const pairingRefreshSchedule: StoreScheduleKind = {
  what: 'pairing refresh',
  stores: listStoreIds,
  scheduleId: pairingRefreshId,
  workflowType: refreshPairings.name,
  catchupWindow: '1 day',
}

/**
 * The catalogue of each Shopify-connected store, synced every six hours (`CROSSWISE_CATALOGUE_SYNC_CRON`);
 * a missed sync is made up within the hour, later ones wait for the next slot. A store disconnected
 * later keeps its schedule until the API removes it; its syncs then end as `not-connected`.
 */
export const catalogueSyncSchedule: StoreScheduleKind = {
  what: 'catalogue sync',
  stores: listShopifyConnectedStoreIds,
  scheduleId: catalogueSyncId,
  workflowType: syncCatalogue.name,
  catchupWindow: '1 hour',
}
