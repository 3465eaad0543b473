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

/** Latency of single `recommend` calls over `requests` (after a warm-up), in microseconds. */
export function recommendLatency(model: PairingModel, requests: readonly RecommendationRequest[]): { calls: number; p50: number; p99: number; max: number } {
  for (const request of requests.slice(0, 200)) recommend(model, request)
  const micros = requests.map((request) => {
    const started = process.hrtime.bigint()
    recommend(model, request)
    return Number(process.hrtime.bigint() - started) / 1000
  })
  micros.sort((a, b) => a - b)
  const at = (share: number): number => micros[Math.min(micros.length - 1, Math.floor(share * micros.length))]!
  return { calls: micros.length, p50: at(0.5), p99: at(0.99), max: micros[micros.length - 1]! }
}
