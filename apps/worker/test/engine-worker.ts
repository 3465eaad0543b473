import { createJourneyWorker, type createActivities } from '@crosswise/engine'
import { temporalAddress } from '@crosswise/testing'
import { NativeConnection } from '@temporalio/worker'

/** Runs a worker with these activities on `taskQueue` until `work` settles, and returns what it gave. */
export async function withEngineWorker<T>(
  activities: ReturnType<typeof createActivities>,
  taskQueue: string,
  work: () => Promise<T>,
): Promise<T> {
  const connection = await NativeConnection.connect({ address: temporalAddress() })
  try {
    const worker = await createJourneyWorker({ connection, namespace: 'default', taskQueue, activities })
    return await worker.runUntil(work)
  } finally {
    await connection.close()
  }
}

/** Waits until `done` answers true, looking every `everyMs`, for at most `limitMs`. */
export async function waitUntil(done: () => Promise<boolean>, limitMs = 120_000, everyMs = 500): Promise<void> {
  for (let waited = 0; waited < limitMs && !(await done()); waited += everyMs) await new Promise((resolve) => setTimeout(resolve, everyMs))
}
