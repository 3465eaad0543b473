import type { Db } from '@crosswise/db'
import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client'
import type { Logger } from 'pino'

/** A kind of recurring per-store work: which stores get it, its schedule id and what it starts. */
export interface StoreScheduleKind {
  /** What the schedules do, for the log: `pairing refresh`. */
  what: string
  /** The stores that should have a schedule now. */
  stores(db: Db): Promise<string[]>
  /** The schedule's id, also the id of the workflow it starts. */
  scheduleId(storeId: string): string
  /** The workflow started with `{ storeId }`. */
  workflowType: string
  /** How late a missed run is still made up (a worker down at the due time). */
  catchupWindow: string
}

/** Where and when a kind's schedules run. */
export interface StoreScheduleOptions {
  taskQueue: string
  /** A cron expression in UTC (or a Temporal shorthand such as `@every 6h`). */
  cron: string
  /** Limit on each call to Temporal. */
  callTimeoutMs: number
}

/**
 * Makes sure a store's schedule of this kind exists as configured: creates it, or brings an existing
 * one to the configured time and action (its state is kept). Idempotent, so every worker start may
 * call it. A run still going when the next is due makes that one pointless: overlaps are skipped.
 */
export async function ensureStoreSchedule(
  client: Client,
  kind: StoreScheduleKind,
  storeId: string,
  options: StoreScheduleOptions,
): Promise<'created' | 'updated'> {
  const scheduleId = kind.scheduleId(storeId)
  const spec = { cronExpressions: [options.cron] }
  const action = {
    type: 'startWorkflow' as const,
    workflowType: kind.workflowType,
    args: [{ storeId }],
    taskQueue: options.taskQueue,
    workflowId: scheduleId,
  }
  const withinTimeout = <T>(call: () => Promise<T>): Promise<T> => client.withDeadline(Date.now() + options.callTimeoutMs, call)
  try {
    await withinTimeout(() =>
      client.schedule.create({
        scheduleId,
        spec,
        action,
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: kind.catchupWindow },
      }),
    )
    return 'created'
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error
  }
  await withinTimeout(() => client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action })))
  return 'updated'
}

/** What a {@link StoreScheduleKeeper} keeps, and how often it looks. */
export interface StoreScheduleKeeperOptions extends StoreScheduleOptions {
  kind: StoreScheduleKind
  client: Client
  db: Db
  /** How often to look for stores that gained a reason for a schedule since the last look. */
  everyMs: number
  logger: Logger
}

/**
 * Keeps one schedule of a kind per store: at start it ensures every store's schedule (so a changed
 * cron reaches them all), then every `everyMs` those of stores listed since. A failed look is logged
 * and tried again next time; journeys never wait for it.
 */
export class StoreScheduleKeeper {
  private readonly ensured = new Set<string>()
  private timer: NodeJS.Timeout | undefined
  private sweeping: Promise<number> | undefined

  constructor(private readonly options: StoreScheduleKeeperOptions) {}

  start(): void {
    const sweep = (): void =>
      void this.sweep().catch((error: unknown) =>
        this.options.logger.warn({ err: error }, `${this.options.kind.what} schedules not ensured; trying again later`),
      )
    sweep()
    this.timer = setInterval(sweep, this.options.everyMs)
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.sweeping?.catch(() => undefined)
  }

  /** Ensures the schedules of stores not seen yet; returns how many were created. One sweep at a time. */
  sweep(): Promise<number> {
    this.sweeping ??= this.ensureNewStores().finally(() => (this.sweeping = undefined))
    return this.sweeping
  }

  private async ensureNewStores(): Promise<number> {
    const { kind, client, db } = this.options
    let created = 0
    for (const storeId of await kind.stores(db)) {
      if (this.ensured.has(storeId)) continue
      if ((await ensureStoreSchedule(client, kind, storeId, this.options)) === 'created') created++
      this.ensured.add(storeId)
    }
    if (created > 0) this.options.logger.info({ created }, `${kind.what} schedules created`)
    return created
  }
}
