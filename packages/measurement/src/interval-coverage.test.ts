import { describe, expect, it } from 'vitest'
import { cupedCoverage, falseWinnerRate, repeatRateCoverage, sequentialPower, welchRevenueCoverage } from './planted-truths.ts'

// A 95 % interval must cover the planted truth in about 95 % of runs (1,000 runs: a standard error of
// 0.7 points), neither far less nor far more.
const expectNear95 = (coverage: number) => {
  expect(coverage).toBeGreaterThanOrEqual(0.93)
  expect(coverage).toBeLessThanOrEqual(0.97)
}

// Each simulation is seconds of arithmetic; a busy machine may take several times that.
describe('interval coverage on planted effects', { timeout: 60_000 }, () => {
  it("Welch's interval covers a planted revenue lift per customer in 93–97 % of runs", () => {
    expectNear95(welchRevenueCoverage(1_000))
  })

  it('CUPED keeps the coverage and narrows the interval when pre-period spend predicts the outcome', () => {
    const { coverage, narrower } = cupedCoverage(1_000)
    expectNear95(coverage)
    expect(narrower).toBeGreaterThan(0.99)
  })

  it("Newcombe's interval covers a planted lift in the repeat-purchase rate in 93–97 % of runs", () => {
    expectNear95(repeatRateCoverage(1_000))
  })
})

describe('the sequential test, read after every 100 sends of each variant', { timeout: 60_000 }, () => {
  it('declares a winner between two equal variants in at most 5 % of experiments', () => {
    expect(falseWinnerRate(500)).toBeLessThanOrEqual(0.05)
  })

  it('finds a variant three points better in click-through, and names it', () => {
    const { right, wrong } = sequentialPower(200)
    expect(right).toBeGreaterThan(0.9)
    expect(wrong).toBe(0)
  })
})
