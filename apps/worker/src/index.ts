export { createActivities, type ActivityDeps } from './activities/index.ts'
export { Dispatcher, dispatchRetryDelayMs, type DispatcherOptions } from './dispatcher.ts'
export { createJourneyWorker, workflowsPath, type JourneyWorkerOptions } from './journey-worker.ts'
