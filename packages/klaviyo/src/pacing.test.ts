import { describe, expect, it } from 'vitest'
import { KlaviyoRetryableError } from './errors.ts'
import { EndpointBudget, KlaviyoPacer } from './pacing.ts'

const windows = { burstMs: 1_000, steadyMs: 60_000 }

/** Sends greedily through a budget with a simulated clock; returns [dispatch, arrival] per request. */
function simulate(
  limit: { burstPerSecond: number; steadyPerMinute: number },
  count: number,
  latency: (i: number) => number,
): [number, number][] {
  const budget = new EndpointBudget(limit, windows)
  let now = 0
  const clock = (): number => now
  const pending: { done: number; release: () => void }[] = []
  const sent: [number, number][] = []
  while (sent.length < count) {
    const at = budget.earliest(now)
    const nextAnswer = Math.min(...pending.map((p) => p.done))
    if (at <= now) {
      const release = budget.take(now, clock)
      const total = latency(sent.length)
      // Klaviyo counts a request somewhere between sending and answering.
      sent.push([now, now + total * 0.5])
      pending.push({ done: now + total, release })
      continue
    }
    now = Math.min(at, nextAnswer)
    for (const p of pending.filter((p) => p.done <= now)) p.release()
    pending.splice(0, pending.length, ...pending.filter((p) => p.done > now))
  }
  return sent
}

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  let start = 0
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= windowMs) start += 1
    best = Math.max(best, end - start + 1)
  }
  return best
}

describe('EndpointBudget', () => {
  it('lets a burst through at once, then makes the next request wait', () => {
    const budget = new EndpointBudget({ burstPerSecond: 3, steadyPerMinute: 60 }, windows)
    for (let i = 0; i < 3; i += 1) {
      expect(budget.earliest(0)).toBe(0)
      budget.take(0, () => 10)()
    }
    expect(budget.earliest(0)).toBeGreaterThan(0)
  })

  it('never lets the burst or steady window overflow at Klaviyo, whatever the latency', () => {
    const limit = { burstPerSecond: 10, steadyPerMinute: 150 }
    const sent = simulate(limit, 400, (i) => 5 + ((i * 7919) % 400))
    const arrivals = sent.map(([, arrival]) => arrival)
    expect(maxInWindow(arrivals, 1_000)).toBeLessThanOrEqual(limit.burstPerSecond)
    expect(maxInWindow(arrivals, 60_000)).toBeLessThanOrEqual(limit.steadyPerMinute)
  })

  it('sustains the steady rate within 10 %', () => {
    const limit = { burstPerSecond: 350, steadyPerMinute: 3_500 }
    const sent = simulate(limit, 10_000, () => 20)
    const seconds = (sent.at(-1)![0] - sent[0]![0]) / 1_000
    const perMinute = (sent.length / seconds) * 60
    expect(perMinute).toBeGreaterThan(3_500 * 0.9)
    expect(perMinute).toBeLessThan(3_500 * 1.1)
  })

  it('spreads requests after the burst instead of spending the minute at once', () => {
    const sent = simulate({ burstPerSecond: 100, steadyPerMinute: 600 }, 200, () => 5)
    const firstTenSeconds = sent.filter(([at]) => at < 10_000).length
    expect(firstTenSeconds).toBeLessThan(200)
    expect(firstTenSeconds).toBeGreaterThanOrEqual(100)
  })

  it('holds requests while a Retry-After pause lasts', () => {
    const budget = new EndpointBudget({ burstPerSecond: 350, steadyPerMinute: 3_500 }, windows)
    budget.pauseUntil(2_000)
    expect(budget.earliest(0)).toBe(2_000)
  })

  it('waits for an answer when every slot is in flight', () => {
    const budget = new EndpointBudget({ burstPerSecond: 1, steadyPerMinute: 15 }, windows)
    const release = budget.take(0, () => 500)
    expect(budget.earliest(0)).toBe(Number.POSITIVE_INFINITY)
    release()
    expect(budget.earliest(600)).toBeGreaterThanOrEqual(1_500)
  })
})

describe('KlaviyoPacer', () => {
  it('gives up with a retryable rate-limited error after the longest queue wait', async () => {
    const pacer = new KlaviyoPacer({ maxQueueWaitMs: 50 })
    const release = await pacer.acquire('account', 'POST /api/flows')
    await expect(pacer.acquire('account', 'POST /api/flows')).rejects.toMatchObject({ reason: 'rate-limited' })
    await expect(pacer.acquire('account', 'POST /api/flows')).rejects.toBeInstanceOf(KlaviyoRetryableError)
    release()
  })

  it('keeps accounts apart', async () => {
    const pacer = new KlaviyoPacer({ maxQueueWaitMs: 50 })
    await pacer.acquire('store-a', 'POST /api/flows')
    await expect(pacer.acquire('store-b', 'POST /api/flows')).resolves.toBeTypeOf('function')
  })

  it('applies a configured tier', () => {
    const pacer = new KlaviyoPacer({ tiers: { XL: { burstPerSecond: 100, steadyPerMinute: 4_500 } } })
    expect(pacer.limitFor('POST /api/events')).toEqual({ burstPerSecond: 100, steadyPerMinute: 4_500 })
    expect(pacer.limitFor('GET /api/metrics')).toEqual({ burstPerSecond: 10, steadyPerMinute: 150 })
  })
})
