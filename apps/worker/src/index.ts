export {
  ensureStoreSchedule,
  StoreScheduleKeeper,
  type StoreScheduleKeeperOptions,
  type StoreScheduleKind,
  type StoreScheduleOptions,
} from './schedules/store-schedule.ts'
export { catalogueSyncSchedule, pairingRefreshSchedule, pairingReviewSchedule } from './schedules/store-schedule-kinds.ts'
