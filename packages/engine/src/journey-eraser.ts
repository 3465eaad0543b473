import { dueErasures, finishErasure, postponeErasure, type Db, type JourneyErasure } from '@crosswise/db'
import { catalogueSyncId, pairingRefreshId, pairingReviewId } from '@crosswise/domain'
import { ScheduleNotFoundError, type Client } from '@temporalio/client'
import type { Logger } from 'pino'
import { PollingLoop } from './polling-loop.ts'

export interface JourneyEraserOptions {
  db: Db
  client: Client
  logger: Logger
  /** Pause when nothing is due. */
  idleMs: number
  /** Deadline of one Temporal call. */
  callTimeoutMs: number
  /** How long to wait before looking again for executions whose deletion was requested. */
  recheckMs?: number
}

/** A visibility query's string literal: quotes and backslashes escaped. */
const literal = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`

/** Whether a Temporal call failed because what it names is already gone. */
const isNotFound = (error: unknown) =>
  error instanceof ScheduleNotFoundError || (typeof error === 'object' && error !== null && (error as { code?: number }).code === 5)

/**
 * Deletes from Temporal the executions of erased customers' journeys and of erased stores, so their
 * histories, search attributes and summaries go with them: each queued erasure lists its executions
 * (every run of the journey's workflow id, or every execution carrying the store's `StoreId`, after
 * deleting the store's schedules), asks Temporal to delete each, and looks again until none is left.
 * Only then does the queue row, the last trace of the workflow id, go.
 */
export class JourneyEraser {
  private readonly loop: PollingLoop

  constructor(private readonly options: JourneyEraserOptions) {
    this.loop = new PollingLoop(
      () => this.eraseDue(),
      options.idleMs,
      (error) => options.logger.error({ err: error }, 'journey erasure round failed'),
    )
  }

  start(): void {
    this.loop.start()
  }

  async stop(): Promise<void> {
    await this.loop.stop()
  }

  /** Works through the erasures due now, once; reports whether more were waiting. */
  async eraseDue(limit = 20): Promise<{ more: boolean }> {
    const due = await dueErasures(this.options.db, limit)
    for (const erasure of due) await this.erase(erasure)
    return { more: due.length === limit }
  }

  private async erase(erasure: JourneyErasure): Promise<void> {
    const { db, logger, recheckMs = 2_000 } = this.options
    try {
      if (erasure.workflowId === undefined) await this.deleteStoreSchedules(erasure.storeId)
      const query =
        erasure.workflowId === undefined ? `StoreId = ${literal(erasure.storeId)}` : `WorkflowId = ${literal(erasure.workflowId)}`
      const deleted = await this.deleteExecutions(query)
      if (deleted === 0) await finishErasure(db, erasure.id)
      else await postponeErasure(db, erasure.id, recheckMs)
      // Counts only: the workflow id names the customer.
      logger.info({ store: erasure.storeId, deleted, wholeStore: erasure.workflowId === undefined }, 'erasing journeys from Temporal')
    } catch (error) {
      const delayMs = Math.min(3_600_000, 1_000 * 2 ** Math.min(erasure.attempts, 12))
      await postponeErasure(db, erasure.id, delayMs, (error as Error).message)
      logger.warn({ store: erasure.storeId, attempts: erasure.attempts + 1, err: error }, 'journey erasure failed; will retry')
    }
  }

  private async deleteExecutions(query: string): Promise<number> {
    const { client, callTimeoutMs } = this.options
    let deleted = 0
    for await (const execution of client.workflow.list({ query })) {
      try {
        await client.withDeadline(Date.now() + callTimeoutMs, () =>
          client.workflowService.deleteWorkflowExecution({
            namespace: client.options.namespace,
            workflowExecution: { workflowId: execution.workflowId, runId: execution.runId },
          }),
        )
      } catch (error) {
        if (!isNotFound(error)) throw error
      }
      deleted++
    }
    return deleted
  }

  private async deleteStoreSchedules(storeId: string): Promise<void> {
    const { client, callTimeoutMs } = this.options
    for (const scheduleId of [pairingRefreshId(storeId), pairingReviewId(storeId), catalogueSyncId(storeId)]) {
      try {
        await client.withDeadline(Date.now() + callTimeoutMs, () => client.schedule.getHandle(scheduleId).delete())
      } catch (error) {
        if (!isNotFound(error)) throw error
      }
    }
  }
}
