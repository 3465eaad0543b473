import { seededRandom } from '@crosswise/domain'
import { describe, expect, it } from 'vitest'
import { cupedInterval, type Observation } from './cuped.ts'
import { proportionDifferenceInterval } from './proportion-interval.ts'
import { sequentialTest } from './sequential-test.ts'
import type { DifferenceInterval } from './summary.ts'
import { welchInterval } from './welch-interval.ts'

// Planted truths run through the intervals many times: a 95 % interval must cover the truth in about
// 95 % of runs (1,000 runs: a standard error of 0.7 points), neither far less nor far more.
const runs = 1_000
const covered = (interval: DifferenceInterval, truth: number) => interval.low <= truth && truth <= interval.high

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

/** Revenue per customer after a trigger: most buy nothing, buyers spend a log-normal amount. */
function revenue(random: () => number, buyRate: number): number {
  return random() < buyRate ? Math.exp(3.5 + 0.8 * normal(random)) : 0
}
const meanSpend = Math.exp(3.5 + 0.8 ** 2 / 2)

describe('interval coverage on planted effects', () => {
  it("Welch's interval covers a planted revenue lift per customer in 93–97 % of runs", () => {
    const random = seededRandom(101)
    let hits = 0
    for (let run = 0; run < runs; run++) {
      const treated = Array.from({ length: 400 }, () => revenue(random, 0.3))
      const control = Array.from({ length: 400 }, () => revenue(random, 0.25))
      if (covered(welchInterval(treated, control), 0.05 * meanSpend)) hits++
    }
    expect(hits / runs).toBeGreaterThanOrEqual(0.93)
    expect(hits / runs).toBeLessThanOrEqual(0.97)
  })

  it('CUPED keeps the coverage and narrows the interval when pre-period spend predicts the outcome', () => {
    const random = seededRandom(202)
    let hits = 0
    let narrower = 0
    const customer = (lift: number): Observation => {
      const habit = 40 + 15 * normal(random)
      return { covariate: habit + 8 * normal(random), outcome: habit + lift + 10 * normal(random) }
    }
    for (let run = 0; run < runs; run++) {
      const treated = Array.from({ length: 200 }, () => customer(3))
      const control = Array.from({ length: 200 }, () => customer(0))
      const interval = cupedInterval(treated, control)
      if (covered(interval, 3)) hits++
      if (interval.narrower) narrower++
    }
    expect(hits / runs).toBeGreaterThanOrEqual(0.93)
    expect(hits / runs).toBeLessThanOrEqual(0.97)
    expect(narrower / runs).toBeGreaterThan(0.99)
  })

  it("Newcombe's interval covers a planted lift in the repeat-purchase rate in 93–97 % of runs", () => {
    const random = seededRandom(303)
    let hits = 0
    const count = (n: number, rate: number) => Array.from({ length: n }, () => random() < rate).filter(Boolean).length
    for (let run = 0; run < runs; run++) {
      const treated = { successes: count(500, 0.33), trials: 500 }
      const control = { successes: count(500, 0.25), trials: 500 }
      if (covered(proportionDifferenceInterval(treated, control), 0.08)) hits++
    }
    expect(hits / runs).toBeGreaterThanOrEqual(0.93)
    expect(hits / runs).toBeLessThanOrEqual(0.97)
  })
})

describe('the sequential test, read after every 100 sends of each variant', () => {
  const options = { alpha: 0.05, tau: 0.03, minimumPerVariant: 200, maximumPerVariant: 4_000 }
  const runTest = (random: () => number, treatedRate: number, controlRate: number) => {
    const treated = { successes: 0, trials: 0 }
    const control = { successes: 0, trials: 0 }
    for (;;) {
      for (let send = 0; send < 100; send++) {
        treated.trials++
        control.trials++
        if (random() < treatedRate) treated.successes++
        if (random() < controlRate) control.successes++
      }
      const verdict = sequentialTest(treated, control, options)
      if (verdict.state !== 'collecting') return verdict
    }
  }

  it('declares a winner between two equal variants in at most 5 % of experiments', () => {
    const random = seededRandom(404)
    let falseWinners = 0
    for (let run = 0; run < 500; run++) if (runTest(random, 0.05, 0.05).state === 'winner') falseWinners++
    expect(falseWinners / 500).toBeLessThanOrEqual(0.05)
  })

  it('finds a variant three points better in click-through, and names it', () => {
    const random = seededRandom(505)
    const verdicts = Array.from({ length: 200 }, () => runTest(random, 0.08, 0.05))
    const right = verdicts.filter((verdict) => verdict.state === 'winner' && verdict.winner === 'treated').length
    const wrong = verdicts.filter((verdict) => verdict.state === 'winner' && verdict.winner === 'control').length
    expect(right / verdicts.length).toBeGreaterThan(0.9)
    expect(wrong).toBe(0)
  })
})
