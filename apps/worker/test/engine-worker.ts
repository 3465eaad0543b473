import type { Db } from '@crosswise/db'
import { createJourneyWorker, Dispatcher, type createActivities } from '@crosswise/engine'
import { temporalAddress, uniqueId } from '@crosswise/testing'
import { Client, Connection } from '@temporalio/client'
import { NativeConnection } from '@temporalio/worker'
import { pino } from 'pino'

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

/** A running journey worker and dispatcher, and a client of the same dev server. */
export interface JourneyStack {
  client: Client
  stop(): Promise<void>
}

/**
 * Starts what the worker process runs for journeys, on a task queue of its own on the run's dev
 * server: the journey worker with these activities, and the dispatcher that signals recorded events.
 */
export async function startJourneyStack(db: Db, activities: ReturnType<typeof createActivities>, name: string): Promise<JourneyStack> {
  const taskQueue = uniqueId(name)
  const connection = await Connection.connect({ address: temporalAddress() })
  const client = new Client({ connection })
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress() })
  const worker = await createJourneyWorker({ connection: nativeConnection, namespace: 'default', taskQueue, activities })
  const running = worker.run()
  const dispatcher = new Dispatcher({
    db,
    client,
    taskQueue,
    logger: pino({ level: 'silent' }),
    batchSize: 50,
    idleMs: 50,
    callTimeoutMs: 5_000,
  })
  dispatcher.start()
  return {
    client,
    async stop() {
      await dispatcher.stop()
      worker.shutdown()
      await running
      await nativeConnection.close()
      await connection.close()
    },
  }
}
