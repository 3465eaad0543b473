import {
  recordJourneyOutcomes,
  recordedOutcomeRunIds,
  releaseOutcomeLease,
  takeOutcomeLease,
  type Db,
  type JourneyOutcomeRecord,
} from '@crosswise/db'
import { crossSellJourney, customerIdAttribute, customerSegmentAttribute, storeIdAttribute, type JourneyOutcome } from '@crosswise/journeys'
import type { Client, WorkflowExecutionInfo } from '@temporalio/client'
import type { Logger } from 'pino'
import { PollingLoop } from './polling-loop.ts'

export interface JourneyOutcomeRecorderOptions {
  db: Db
  client: Client
  logger: Logger
  /** Pause between rounds. */
  idleMs: number
  /** Deadline of one Temporal call. */
  callTimeoutMs: number
  /** How far before its mark each round looks again: Temporal's list shows a closed run a moment late. Default 2 min. */
  overlapMs?: number
}

// Results read at once, and runs written per statement.
const concurrentReads = 8
const batchSize = 200

/** How Temporal closed a run that has no journey result of its own. */
const closedWithoutResult: Record<string, string> = {
  CONTINUED_AS_NEW: 'restarted',
  FAILED: 'failed',
  TERMINATED: 'terminated',
  TIMED_OUT: 'timed-out',
  CANCELLED: 'cancelled',
}

/**
 * Writes a `journey_outcomes` row for every closed journey run: the runs Temporal lists as closed
 * since the last round (a little before, for the list's lag), each completed one's result read from
 * its history. Recording here, not from the journey, costs the journeys no activity and covers runs
 * that failed or were terminated. One recorder at a time works (a lease); a round interrupted before
 * it moved the mark is done again, and rows already written stay as they are.
 */
export class JourneyOutcomeRecorder {
  private readonly loop: PollingLoop

  constructor(private readonly options: JourneyOutcomeRecorderOptions) {
    this.loop = new PollingLoop(
      () => this.recordClosedRuns(),
      options.idleMs,
      (error) => options.logger.error({ err: error }, 'journey outcome round failed'),
    )
  }

  start(): void {
    this.loop.start()
  }

  async stop(): Promise<void> {
    await this.loop.stop()
  }

  /** One round: records the runs closed since the mark. Never reports more: each round reads up to now. */
  async recordClosedRuns(): Promise<{ more: boolean }> {
    const { db, client, overlapMs = 120_000, callTimeoutMs } = this.options
    const lease = await takeOutcomeLease(db, Math.max(60_000, callTimeoutMs * 6))
    if (!lease) return { more: false }
    const until = new Date()
    let recorded: Date | undefined
    try {
      const since = new Date(Math.max(0, lease.recordedUntil.getTime() - overlapMs))
      const query = `WorkflowType = '${crossSellJourney.name}' AND ExecutionStatus != 'Running' AND CloseTime >= '${since.toISOString()}' AND CloseTime < '${until.toISOString()}'`
      let batch: WorkflowExecutionInfo[] = []
      for await (const execution of client.workflow.list({ query })) {
        batch.push(execution)
        if (batch.length === batchSize) {
          await this.record(batch)
          batch = []
        }
      }
      await this.record(batch)
      recorded = until
    } finally {
      await releaseOutcomeLease(db, recorded)
    }
    return { more: false }
  }

  private async record(executions: readonly WorkflowExecutionInfo[]): Promise<void> {
    const known = await recordedOutcomeRunIds(
      this.options.db,
      executions.map((execution) => execution.runId),
    )
    const fresh = executions.filter((execution) => !known.has(execution.runId))
    const outcomes: JourneyOutcomeRecord[] = []
    for (let start = 0; start < fresh.length; start += concurrentReads) {
      const read = await Promise.all(fresh.slice(start, start + concurrentReads).map((execution) => this.outcomeOf(execution)))
      outcomes.push(...read.filter((outcome) => outcome !== undefined))
    }
    await recordJourneyOutcomes(this.options.db, outcomes)
    if (outcomes.length > 0) this.options.logger.debug({ recorded: outcomes.length }, 'journey outcomes recorded')
  }

  private async outcomeOf(execution: WorkflowExecutionInfo): Promise<JourneyOutcomeRecord | undefined> {
    const { client, callTimeoutMs } = this.options
    const owner = ownerOf(execution)
    if (!owner || !execution.closeTime) return undefined
    const segment = execution.typedSearchAttributes.get(customerSegmentAttribute)
    const common = {
      runId: execution.runId,
      ...owner,
      ...(segment ? { segment } : {}),
      startedAt: execution.startTime,
      closedAt: execution.closeTime,
    }
    const closedAs = closedWithoutResult[execution.status.name]
    if (closedAs) return { ...common, outcome: closedAs, emailsSent: 0, pairingIds: [] }
    const result = (await client.withDeadline(Date.now() + callTimeoutMs, () =>
      client.workflow.getHandle(execution.workflowId, execution.runId, { followRuns: false }).result(),
    )) as JourneyOutcome
    return {
      ...common,
      outcome: result.reason,
      ...(result.triggerOrderId ? { triggerOrderId: result.triggerOrderId } : {}),
      emailsSent: result.emailsSent,
      pairingIds: result.pairingIds,
    }
  }
}

/** The store and customer of a journey run: its search attributes, or its workflow id (`journey:{store}:{customer}`). */
function ownerOf(execution: WorkflowExecutionInfo): { storeId: string; customerId: string } | undefined {
  const storeId = execution.typedSearchAttributes.get(storeIdAttribute)
  const customerId = execution.typedSearchAttributes.get(customerIdAttribute)
  if (storeId && customerId) return { storeId, customerId }
  const match = /^journey:([^:]+):(.+)$/.exec(execution.workflowId)
  return match ? { storeId: match[1]!, customerId: match[2]! } : undefined
}
