export { createActivities, type ActivityDeps } from './activities/index.ts'
export { Dispatcher, dispatchRetryDelayMs, type DispatcherOptions } from './dispatcher.ts'
export { JourneyEraser, type JourneyEraserOptions } from './journey-eraser.ts'
export { JourneyOutcomeRecorder, type JourneyOutcomeRecorderOptions } from './journey-outcome-recorder.ts'
export { createJourneyWorker, NativeConnection, workflowsPath, type JourneyWorkerOptions } from './journey-worker.ts'
export {
  syncStoreCatalogue,
  type CatalogueSyncOptions,
  type CatalogueSyncProgress,
  type CatalogueSyncSettings,
} from './catalogue/sync-store-catalogue.ts'
