import type { Migration } from 'kysely/migration'
import * as foundation from './0001-foundation.ts'
import * as commerce from './0002-commerce.ts'
import * as journeys from './0003-journeys.ts'
import * as minedPairings from './0004-mined-pairings.ts'
import * as klaviyoAccounts from './0005-klaviyo-accounts.ts'
import * as ingestHousekeeping from './0006-ingest-housekeeping.ts'
import * as segmentPriceBands from './0007-segment-price-bands.ts'
import * as pairingSource from './0008-pairing-source-and-recent-sales.ts'
import * as shopifyCatalogue from './0009-shopify-catalogue.ts'
import * as productPages from './0010-product-pages.ts'
import * as dropJourneySteps from './0011-drop-journey-steps.ts'
import * as pairingReviews from './0012-pairing-reviews.ts'
import * as fulfillmentSpelling from './0013-fulfillment-spelling.ts'
import * as experiments from './0014-experiments.ts'
import * as sendEngagements from './0015-send-engagements.ts'
import * as sendSegment from './0016-send-segment.ts'
import * as guestIdKey from './0017-guest-id-key.ts'
import * as erasure from './0018-erasure.ts'
import * as engagementMessage from './0019-engagement-message.ts'
import * as sendConsentAndPick from './0020-send-consent-and-pick.ts'
import * as journeyOutcomes from './0021-journey-outcomes.ts'
import * as orderFactsInOneCall from './0022-order-facts-in-one-call.ts'
import * as customerLookups from './0023-customer-lookups.ts'

/** Every migration, keyed by name; names sort in the order they run. Append, never edit. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-commerce': commerce,
  '0003-journeys': journeys,
  '0004-mined-pairings': minedPairings,
  '0005-klaviyo-accounts': klaviyoAccounts,
  '0006-ingest-housekeeping': ingestHousekeeping,
  '0007-segment-price-bands': segmentPriceBands,
  '0008-pairing-source-and-recent-sales': pairingSource,
  '0009-shopify-catalogue': shopifyCatalogue,
  '0010-product-pages': productPages,
  '0011-drop-journey-steps': dropJourneySteps,
  '0012-pairing-reviews': pairingReviews,
  '0013-fulfillment-spelling': fulfillmentSpelling,
  '0014-experiments': experiments,
  '0015-send-engagements': sendEngagements,
  '0016-send-segment': sendSegment,
  '0017-guest-id-key': guestIdKey,
  '0018-erasure': erasure,
  '0019-engagement-message': engagementMessage,
  '0020-send-consent-and-pick': sendConsentAndPick,
  '0021-journey-outcomes': journeyOutcomes,
  '0022-order-facts-in-one-call': orderFactsInOneCall,
  '0023-customer-lookups': customerLookups,
}
