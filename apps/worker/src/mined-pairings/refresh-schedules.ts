import { listStoreIds, type Db } from '@crosswise/db'
import { pairingRefreshId } from '@crosswise/domain'
import { refreshPairings } from '@crosswise/journeys'
import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client'
import type { Logger } from 'pino'

/** How stores' pairing refreshes are scheduled. */
export interface RefreshScheduleOptions {
  taskQueue: string
  /** When to refresh, a cron expression in UTC (`CROSSWISE_PAIRING_REFRESH_CRON`, default 03:00 daily). */
  cron: string
  /** Limit on each call to Temporal. */
  callTimeoutMs: number
}

/**
 * Makes sure a store's pairing refresh is scheduled as configured: creates its Temporal Schedule, or
 * brings an existing one to the configured time and action. Idempotent, so every worker start may
 * call it; the schedule id is `pairingRefreshId(storeId)`.
 */
export async function ensureRefreshSchedule(client: Client, storeId: string, options: RefreshScheduleOptions): Promise<'created' | 'updated'> {
  const scheduleId = pairingRefreshId(storeId)
  const spec = { cronExpressions: [options.cron] }
  const action = {
    type: 'startWorkflow' as const,
    workflowType: refreshPairings,
    args: [{ storeId }] as [{ storeId: string }],
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
        // A refresh still running when the next is due makes that one pointless; a worker down at
        // 03:00 catches up within the day rather than skipping a night.
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      }),
    )
    return 'created'
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error
  }
  await withinTimeout(() => client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action })))
  return 'updated'
}

/** What a {@link RefreshScheduleKeeper} needs. */
export interface RefreshScheduleKeeperOptions extends RefreshScheduleOptions {
  client: Client
  db: Db
  /** How often to look for stores created since the last look. */
  everyMs: number
  logger: Logger
}

/**
 * Keeps a pairing refresh scheduled for every store: at start it ensures each store's schedule (so a
 * changed `CROSSWISE_PAIRING_REFRESH_CRON` reaches them all), then every `everyMs` those of stores
 * created since. A failed look is logged and tried again next time; journeys never wait for it.
 */
export class RefreshScheduleKeeper {
  private readonly ensured = new Set<string>()
  private timer: NodeJS.Timeout | undefined
  private sweeping: Promise<number> | undefined

  constructor(private readonly options: RefreshScheduleKeeperOptions) {}

  start(): void {
    const sweep = (): void =>
      void this.sweep().catch((error: unknown) => this.options.logger.warn({ err: error }, 'pairing refresh schedules not ensured; trying again later'))
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
    let created = 0
    for (const storeId of await listStoreIds(this.options.db)) {
      if (this.ensured.has(storeId)) continue
      if ((await ensureRefreshSchedule(this.options.client, storeId, this.options)) === 'created') created++
      this.ensured.add(storeId)
    }
    if (created > 0) this.options.logger.info({ created, cron: this.options.cron }, 'pairing refresh schedules created')
    return created
  }
}
