import { pairingRefreshId } from '@crosswise/domain'
import { refreshPairings } from '@crosswise/journeys'
import { type Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client'

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

/** {@link ensureRefreshSchedule} for every store, one after the other; returns how many were created. */
export async function ensureRefreshSchedules(client: Client, storeIds: readonly string[], options: RefreshScheduleOptions): Promise<number> {
  let created = 0
  for (const storeId of storeIds) {
    if ((await ensureRefreshSchedule(client, storeId, options)) === 'created') created++
  }
  return created
}
