import { createRequire } from 'node:module'
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker'
import type { DataConverter } from '@temporalio/common'
import type { createActivities } from './activities/index.ts'

/** Absolute path of the journeys' workflow module, resolved through the package's `./workflows` export. */
export const workflowsPath = createRequire(import.meta.url).resolve('@crosswise/journeys/workflows')

export interface JourneyWorkerOptions {
  connection: NativeConnection
  namespace: string
  taskQueue: string
  activities: ReturnType<typeof createActivities>
  /** A pre-built bundle (production images); without it the worker bundles the source at start. */
  workflowBundlePath?: string
  maxConcurrentActivityTaskExecutions?: number
  maxConcurrentWorkflowTaskExecutions?: number
  /** Encrypts payloads (`journeyDataConverter`); the same one every client of the journeys uses. */
  dataConverter?: DataConverter
}

/** A Temporal worker that runs crossSellJourney, the nightly refreshPairings and their activities. */
export async function createJourneyWorker(options: JourneyWorkerOptions): Promise<Worker> {
  const workflowSource: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'> = options.workflowBundlePath
    ? { workflowBundle: { codePath: options.workflowBundlePath } }
    : { workflowsPath }
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    ...workflowSource,
    ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions ?? 100,
    // Tasks run one at a time on the workflow thread; held ones only wait, their timeout running.
    maxConcurrentWorkflowTaskExecutions: options.maxConcurrentWorkflowTaskExecutions ?? 10,
    shutdownGraceTime: '10 seconds',
  })
}

export { NativeConnection }
