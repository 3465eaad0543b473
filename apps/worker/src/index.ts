export { createActivities, type ActivityDeps } from './activities/index.ts'
export { Dispatcher, dispatchRetryDelayMs, type DispatcherOptions } from './dispatcher.ts'
export { createJourneyWorker, NativeConnection, workflowsPath, type JourneyWorkerOptions } from './journey-worker.ts'
export {
  ensureRefreshSchedule,
  RefreshScheduleKeeper,
  type RefreshScheduleKeeperOptions,
  type RefreshScheduleOptions,
} from './refresh-schedules.ts'
export {
  syncStoreCatalogue,
  type CatalogueSyncOptions,
  type CatalogueSyncProgress,
  type CatalogueSyncSettings,
} from './catalogue/sync-store-catalogue.ts'
export {
  CatalogueSyncScheduleKeeper,
  ensureCatalogueSyncSchedule,
  type CatalogueSyncScheduleKeeperOptions,
  type CatalogueSyncScheduleOptions,
} from './catalogue/sync-schedules.ts'
export { ensureStoreSchedule, StoreScheduleKeeper, type StoreSchedule, type StoreScheduleKeeperOptions } from './store-schedules.ts'
