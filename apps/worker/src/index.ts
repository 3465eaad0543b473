export {
  ensureRefreshSchedule,
  RefreshScheduleKeeper,
  type RefreshScheduleKeeperOptions,
  type RefreshScheduleOptions,
} from './refresh-schedules.ts'
export {
  CatalogueSyncScheduleKeeper,
  ensureCatalogueSyncSchedule,
  type CatalogueSyncScheduleKeeperOptions,
  type CatalogueSyncScheduleOptions,
} from './catalogue/sync-schedules.ts'
export { ensureStoreSchedule, StoreScheduleKeeper, type StoreSchedule, type StoreScheduleKeeperOptions } from './store-schedules.ts'
