import { type Client, ScheduleAlreadyRunning, type ScheduleOptions } from '@temporalio/client'
import type { Logger } from 'pino'

/** One store's recurring workflow: its schedule id, when it runs and what it starts. */
export interface StoreSchedule {
  scheduleId: string
  /** A cron expression in UTC (or a Temporal shorthand such as `@every 6h`). */
  cron: string
  action: ScheduleOptions['action']
  policies: ScheduleOptions['policies']
  /** Limit on each call to Temporal. */
  callTimeoutMs: number
}

/**
 * Makes sure a store's schedule exists as described: creates it, or brings an existing one to the
 * given time and action (its policies and state are kept). Idempotent, so every worker start may call it.
 */
export async function ensureStoreSchedule(client: Client, schedule: StoreSchedule): Promise<'created' | 'updated'> {
  const { scheduleId, action } = schedule
  const spec = { cronExpressions: [schedule.cron] }
  const withinTimeout = <T>(call: () => Promise<T>): Promise<T> => client.withDeadline(Date.now() + schedule.callTimeoutMs, call)
  try {
    await withinTimeout(() =>
      client.schedule.create({ scheduleId, spec, action, ...(schedule.policies ? { policies: schedule.policies } : {}) }),
    )
    return 'created'
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error
  }
  await withinTimeout(() => client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action })))
  return 'updated'
}

/** What a {@link StoreScheduleKeeper} keeps, and how often it looks. */
export interface StoreScheduleKeeperOptions {
  /** What the schedules do, for the log: `pairing refresh`. */
  what: string
  /** The stores that should have a schedule now. */
  listStoreIds: () => Promise<string[]>
  /** Ensures one store's schedule (`ensureStoreSchedule`). */
  ensure: (storeId: string) => Promise<'created' | 'updated'>
  /** How often to look for stores that gained a reason for a schedule since the last look. */
  everyMs: number
  logger: Logger
}

/**
 * Keeps one schedule per store: at start it ensures every listed store's schedule (so a changed cron
 * reaches them all), then every `everyMs` those of stores listed since. A failed look is logged and
 * tried again next time; nothing else waits for it.
 */
export class StoreScheduleKeeper {
  private readonly ensured = new Set<string>()
  private timer: NodeJS.Timeout | undefined
  private sweeping: Promise<number> | undefined

  constructor(private readonly keeper: StoreScheduleKeeperOptions) {}

  start(): void {
    const sweep = (): void =>
      void this.sweep().catch((error: unknown) =>
        this.keeper.logger.warn({ err: error }, `${this.keeper.what} schedules not ensured; trying again later`),
      )
    sweep()
    this.timer = setInterval(sweep, this.keeper.everyMs)
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
    let created = 0
    for (const storeId of await this.keeper.listStoreIds()) {
      if (this.ensured.has(storeId)) continue
      if ((await this.keeper.ensure(storeId)) === 'created') created++
      this.ensured.add(storeId)
    }
    if (created > 0) this.keeper.logger.info({ created }, `${this.keeper.what} schedules created`)
    return created
  }
}
