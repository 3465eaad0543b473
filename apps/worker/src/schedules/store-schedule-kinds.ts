import { listShopifyConnectedStoreIds, listStoreIds } from '@crosswise/db'
import { catalogueSyncId, pairingRefreshId, pairingReviewId } from '@crosswise/domain'
import { refreshPairings, reviewStorePairings, syncCatalogue } from '@crosswise/journeys'
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

/**
 * Every store's pairings, reviewed monthly (`CROSSWISE_PAIRING_REVIEW_CRON`): those that do not
 * convert are retired and no longer picked; manual ones are only flagged. A review missed while the
 * worker was down is made up within the day.
 */
export const pairingReviewSchedule: StoreScheduleKind = {
  what: 'pairing review',
  stores: listStoreIds,
  scheduleId: pairingReviewId,
  workflowType: reviewStorePairings.name,
  catchupWindow: '1 day',
}
