// The one module the worker bundles as workflow code: the journey, the nightly pairing refresh, the
// monthly pairing review and the Shopify catalogue sync.
export { crossSellJourney } from './cross-sell-journey.ts'
export { refreshPairings } from './refresh-pairings.ts'
export { reviewStorePairings } from './review-pairings.ts'
export { syncCatalogue } from './sync-catalogue.ts'
