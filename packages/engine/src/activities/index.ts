import { ApiKeyCipher, type Db } from '@crosswise/db'
import {
  catalogueSyncActivityContracts,
  journeyActivityContracts,
  pairingRefreshActivityContracts,
  pairingReviewActivityContracts,
  type ActivityImplementations,
} from '@crosswise/journeys'
import type { CatalogueSyncSettings } from '../catalogue/sync-store-catalogue.ts'
import { catalogueSyncActivities } from './catalogue-sync.ts'
import { withContracts } from './contract-boundary.ts'
import { engagementActivities } from './engagement.ts'
import { journeyContextActivities } from './journey-context.ts'
import { KlaviyoGateways, type KlaviyoSettings } from './klaviyo-gateways.ts'
import { createMessaging } from './messaging.ts'
import { pairingRefreshActivities } from './pairing-refresh.ts'
import { pairingReviewActivities } from './pairing-review.ts'
import { pairingActivities } from './pairings.ts'
import { sendGuardActivities } from './send-guards.ts'
import { sendActivities } from './sends.ts'
import { RecentBestSellerCache } from './store-best-sellers.ts'

/** The adapters activities are built over. */
export interface ActivityDeps {
  db: Db
  /** How stores reach Klaviyo (their own keys, `KLAVIYO_API_KEY`); stores with neither run dry (outbox). */
  klaviyo?: KlaviyoSettings
  /** How stores' Shopify catalogues are read; default: tokens stored plain, the real Shopify. */
  catalogue?: CatalogueSyncSettings
}

/** What the worker implements for the journey's activities: inputs arrive parsed by their contracts. */
export type JourneyActivityImplementations = ActivityImplementations<typeof journeyActivityContracts>

/** Every journey activity, the nightly pairing refresh, the monthly pairing review and the catalogue sync, wired to real adapters behind their contracts. */
export function createActivities(deps: ActivityDeps) {
  const messaging = createMessaging(deps.db, new KlaviyoGateways(deps.db, deps.klaviyo))
  // Picks and grids read the same ranking, once per store per ten minutes.
  const storeSellers = RecentBestSellerCache.over(deps.db)
  const picks = pairingActivities(deps.db, storeSellers)
  return {
    ...withContracts(journeyActivityContracts, {
      ...journeyContextActivities(deps.db),
      ...sendGuardActivities(deps.db, messaging, picks),
      ...picks,
      ...sendActivities(deps.db, messaging, storeSellers, picks),
      ...engagementActivities(deps.db, messaging),
    }),
    ...withContracts(pairingRefreshActivityContracts, pairingRefreshActivities(deps.db)),
    ...withContracts(pairingReviewActivityContracts, pairingReviewActivities(deps.db)),
    ...withContracts(
      catalogueSyncActivityContracts,
      catalogueSyncActivities(deps.db, deps.catalogue ?? { cipher: ApiKeyCipher.fromSecret(undefined) }, messaging),
    ),
  }
}
