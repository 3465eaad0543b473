export { createDatabase, type Database, type DatabaseOptions, type Db } from './database.ts'
export { migrateToLatest, MigrationError } from './migrate.ts'
export { recordOrder, type RecordedOrder } from './order/order.repository.ts'
export {
  countDispatches,
  drainDispatches,
  enqueueDispatch,
  type Dispatch,
  type DrainOptions,
  type DrainResult,
} from './dispatch/dispatch.repository.ts'
export type { DispatchKind } from './dispatch/dispatch.table.ts'
export { listJourneySteps, recordJourneyStep, type JourneyStep } from './journey-step/journey-step.repository.ts'
export type { FulfilledLine } from './fulfillment/fulfillment.table.ts'
export type { OrderSource } from './order/order.table.ts'
