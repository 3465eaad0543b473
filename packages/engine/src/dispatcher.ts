import { drainDispatches, type Db, type Dispatch } from '@crosswise/db'
import { crossSellJourney, journeySignals } from '@crosswise/journeys'
import { WorkflowNotFoundError, type Client } from '@temporalio/client'
import type { Logger } from 'pino'
import { PollingLoop } from './polling-loop.ts'

export interface DispatcherOptions {
  db: Db
  client: Client
  taskQueue: string
  logger: Logger
  batchSize: number
  /** Pause when the queue is empty. */
  idleMs: number
  /** Deadline of one signal-with-start call. */
  callTimeoutMs: number
}

/** Retry delay for a dispatch that failed `attempts` times: 1 s doubling to at most 1 min. */
export function dispatchRetryDelayMs(attempts: number): number {
  return Math.min(60_000, 1_000 * 2 ** Math.max(0, attempts - 1))
}

/**
 * Turns recorded events into journey signals. It polls the dispatch outbox, calls
 * signal-with-start for each row and marks it done, so an order recorded while Temporal is down
 * waits in PostgreSQL and reaches its journey once Temporal is back. An event about an order the
 * journey has already heard of (a late fulfilment, say) is only signalled: when that journey has
 * ended meanwhile, nobody needs it, and starting a new run for it would wait for an order that came.
 */
export class Dispatcher {
  private readonly loop: PollingLoop

  constructor(private readonly options: DispatcherOptions) {
    const { logger, idleMs, batchSize } = options
    this.loop = new PollingLoop(
      async () => {
        const { delivered, failed } = await this.drainBatch()
        if (delivered > 0) logger.debug({ delivered, failed }, 'dispatched events to journeys')
        if (failed > 0) logger.warn({ delivered, failed }, 'some dispatches failed; they will be retried')
        return { more: delivered + failed >= batchSize }
      },
      idleMs,
      (error) => logger.error({ err: error }, 'dispatcher batch failed'),
    )
  }

  start(): void {
    this.loop.start()
  }

  async stop(): Promise<void> {
    await this.loop.stop()
  }

  /** Drains until the queue is empty once; for tests and one-shot use. */
  async drainOnce(): Promise<number> {
    let total = 0
    for (;;) {
      const { delivered, failed } = await this.drainBatch()
      total += delivered
      if (delivered + failed < this.options.batchSize) return total
    }
  }

  private drainBatch() {
    const { db, batchSize } = this.options
    return drainDispatches(db, { limit: batchSize, concurrency: 16, retryDelayMs: dispatchRetryDelayMs }, (dispatch) =>
      this.deliver(dispatch),
    )
  }

  private async deliver(dispatch: Dispatch): Promise<void> {
    const { client, taskQueue, callTimeoutMs } = this.options
    const signal = journeySignals[dispatch.signal]
    const argument = { ...dispatch.payload, eventKey: dispatch.eventKey }
    if (dispatch.afterItsOrder) {
      try {
        await client.withDeadline(Date.now() + callTimeoutMs, () => client.workflow.getHandle(dispatch.workflowId).signal(signal, argument))
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) throw error
      }
      return
    }
    await client.withDeadline(Date.now() + callTimeoutMs, () =>
      client.workflow.signalWithStart(crossSellJourney, {
        workflowId: dispatch.workflowId,
        taskQueue,
        args: [{ storeId: dispatch.storeId, customerId: dispatch.customerId }],
        // Shown in the Temporal UI's list; set when this delivery starts the run, kept otherwise. It names
        // no customer: a summary is stored in the clear, outside the encrypted payloads.
        staticSummary: `Cross-sell journey in store ${dispatch.storeId}`,
        // The recorded journey event names its signal; the argument is its payload with its event key.
        signal,
        signalArgs: [argument],
      }),
    )
  }
}
