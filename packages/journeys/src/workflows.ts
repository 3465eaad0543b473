// The one module the worker bundles as workflow code: the journey and the nightly pairing refresh.
export { crossSellJourney } from './cross-sell-journey.ts'
export { refreshPairings } from './refresh-pairings.ts'
