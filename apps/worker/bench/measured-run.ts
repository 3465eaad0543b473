// One timed run of the journey bench: starts every workflow (order, then fulfilment) 50 at a time,
// waits for every result, and measures the rate and the CPU each process spent per workflow.
import { cpuByRole, cpuPerItem, type RoleOf } from '@crosswise/testing'

const inFlightStarts = 50

/** What one run measured. */
export interface Run {
  seconds: number
  perSecond: number
  /** Milliseconds of CPU per workflow, by process. */
  cpu: Array<[string, number]>
}

// This process runs the worker (and the client, the same for both kinds of run).
const roles: RoleOf = (pid, name) =>
  pid === process.pid ? 'worker' : name === 'postgres' ? 'postgres' : name === 'temporal' || name === 'server' ? 'temporal' : undefined

/** Runs `task` over the items with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await task(items[next++]!)
    }),
  )
}

/** Starts every workflow (order, then fulfilment) and waits for all results. */
export async function drive(
  ids: readonly string[],
  start: (id: string) => Promise<void>,
  fulfil: (id: string) => Promise<void>,
  result: (id: string) => Promise<void>,
): Promise<Run> {
  const cpuBefore = cpuByRole(roles)
  const began = performance.now()
  await pool(ids, inFlightStarts, async (id) => {
    await start(id)
    await fulfil(id)
  })
  await Promise.all(ids.map(result))
  const seconds = (performance.now() - began) / 1000
  return { seconds, perSecond: ids.length / seconds, cpu: cpuPerItem(cpuBefore, cpuByRole(roles), ids.length) }
}
