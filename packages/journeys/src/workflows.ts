// The one module the worker bundles as workflow code.
export { crossSellJourney } from './cross-sell-journey.ts'
