import { type PairingModel, recommend, type RecommendationRequest } from '../src/index.ts'

/** Peak resident memory of this process so far, in MB (the kernel's high-water mark). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024
}

/**
 * Runs `work` and returns its result with the wall-clock seconds it took and the CPU seconds this
 * process spent meanwhile. On a machine shared with other work, wall time stretches with the load;
 * CPU time is close to what the work costs on an idle core.
 */
export function timed<T>(work: () => T): { result: T; seconds: number; cpuSeconds: number } {
  const started = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  const result = work()
  const used = process.cpuUsage(cpu)
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 }
}

/**
 * Latency of single `recommend` calls over `requests` (after a warm-up), in microseconds: wall clock,
 * and the CPU time of a second round, which leaves out the time other processes hold the core.
 */
export function recommendLatency(
  model: PairingModel,
  requests: readonly RecommendationRequest[],
): { calls: number; p50: number; p99: number; max: number; cpuP50: number; cpuP99: number } {
  for (const request of requests.slice(0, 200)) recommend(model, request)
  const micros = requests.map((request) => {
    const started = process.hrtime.bigint()
    recommend(model, request)
    return Number(process.hrtime.bigint() - started) / 1000
  })
  const cpuMicros = requests.map((request) => {
    const started = process.cpuUsage()
    recommend(model, request)
    const used = process.cpuUsage(started)
    return used.user + used.system
  })
  const at = (values: number[], share: number): number => values[Math.min(values.length - 1, Math.floor(share * values.length))]!
  micros.sort((a, b) => a - b)
  cpuMicros.sort((a, b) => a - b)
  return {
    calls: micros.length,
    p50: at(micros, 0.5),
    p99: at(micros, 0.99),
    max: micros[micros.length - 1]!,
    cpuP50: at(cpuMicros, 0.5),
    cpuP99: at(cpuMicros, 0.99),
  }
}
