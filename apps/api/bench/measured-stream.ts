import { cpuByRole, cpuPerItem, type RoleOf } from '@crosswise/testing'
import { percentile, sendWebhooks, type DeliveryResult } from './send-webhooks.ts'
import type { PlannedDelivery } from './webhook-plan.ts'

/** One measured run of deliveries against the API process. */
export interface MeasuredStream {
  results: DeliveryResult[]
  seconds: number
  verifiedPerSecond: number
  p50: number
  p99: number
  /** Milliseconds of CPU per request, by process (empty off Linux). */
  cpu: Array<[string, number]>
}

/** Sends `deliveries` for `shop` with `concurrency` in flight and measures rate, latency and CPU. */
export async function measureStream(
  api: { url: string; pid: number | undefined },
  shop: string,
  deliveries: readonly PlannedDelivery[],
  concurrency: number,
): Promise<MeasuredStream> {
  const roles: RoleOf = (pid, name) =>
    pid === process.pid ? 'load generator' : pid === api.pid ? 'api' : name === 'postgres' ? 'postgres' : undefined
  const cpuBefore = cpuByRole(roles)
  const { results, seconds } = await sendWebhooks(api.url, shop, deliveries, { concurrency })
  const cpu = cpuPerItem(cpuBefore, cpuByRole(roles), results.length)
  const latencies = results.map((result) => result.ms)
  const verified = results.filter((result) => result.status === 200).length
  return { results, seconds, verifiedPerSecond: verified / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpu }
}
