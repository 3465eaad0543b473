import { seededRandom } from '@crosswise/domain'
import { cupedInterval, type Observation } from './cuped.ts'
import { holdoutLift, type HoldoutOutcome } from './holdout-lift.ts'
import { reviewPairings, type ReviewedPairing } from './pairing-review.ts'
import { proportionDifferenceInterval } from './proportion-interval.ts'
import { sequentialTest, type SequentialVerdict } from './sequential-test.ts'
import type { DifferenceInterval } from './summary.ts'
import { welchInterval } from './welch-interval.ts'

/**
 * Stores simulated with a planted truth, run through the measurement code: the tests assert what the
 * runs must show and `pnpm bench` prints the same figures into BENCHMARKS.md. Seeded, so a run is
 * the same every time.
 */

const covers = (interval: DifferenceInterval, truth: number) => interval.low <= truth && truth <= interval.high

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
}

/** Share of `runs` in which `run` returned true. */
function share(runs: number, run: () => boolean): number {
  let hits = 0
  for (let index = 0; index < runs; index++) if (run()) hits++
  return hits / runs
}

/** Revenue per customer: 25 % (control) or 30 % (treated) buy, spending a log-normal amount; 400 a group. */
export function welchRevenueCoverage(runs: number, seed = 101): number {
  const random = seededRandom(seed)
  const revenue = (buyRate: number) => (random() < buyRate ? Math.exp(3.5 + 0.8 * normal(random)) : 0)
  const truth = 0.05 * Math.exp(3.5 + 0.8 ** 2 / 2)
  return share(runs, () => {
    const treated = Array.from({ length: 400 }, () => revenue(0.3))
    const control = Array.from({ length: 400 }, () => revenue(0.25))
    return covers(welchInterval(treated, control), truth)
  })
}

/** A spend that the pre-period predicts, +3 for the treated; 200 a group. Coverage and how often CUPED narrowed. */
export function cupedCoverage(runs: number, seed = 202): { coverage: number; narrower: number } {
  const random = seededRandom(seed)
  const customer = (lift: number): Observation => {
    const habit = 40 + 15 * normal(random)
    return { covariate: habit + 8 * normal(random), outcome: habit + lift + 10 * normal(random) }
  }
  let narrower = 0
  const coverage = share(runs, () => {
    const interval = cupedInterval(
      Array.from({ length: 200 }, () => customer(3)),
      Array.from({ length: 200 }, () => customer(0)),
    )
    if (interval.narrower) narrower++
    return covers(interval, 3)
  })
  return { coverage, narrower: narrower / runs }
}

/** Repeat purchase 25 % vs 33 %, 500 a group. */
export function repeatRateCoverage(runs: number, seed = 303): number {
  const random = seededRandom(seed)
  const count = (n: number, rate: number) => Array.from({ length: n }, () => random() < rate).filter(Boolean).length
  return share(runs, () =>
    covers(proportionDifferenceInterval({ successes: count(500, 0.33), trials: 500 }, { successes: count(500, 0.25), trials: 500 }), 0.08),
  )
}

/**
 * Stores whose emails raise each customer's chance of buying again by 8 points, 10 % held out;
 * loyal customers (who spent more before) come back more often and spend more.
 */
export function holdoutLiftCoverage(stores: number, journeys: number, seed = 606): { repeat: number; revenue: number; cupedWidth: number } {
  const random = seededRandom(seed)
  const meanValue = Math.exp(3.5 + 0.5 ** 2 / 2) * Math.exp(0.3 ** 2 / 2)
  let repeat = 0
  let revenue = 0
  let adjustedWidth = 0
  let unadjustedWidth = 0
  for (let store = 0; store < stores; store++) {
    const outcomes: HoldoutOutcome[] = Array.from({ length: journeys }, () => {
      const heldOut = random() < 0.1
      const loyalty = normal(random)
      const habit = Math.exp(3.5 + 0.5 * loyalty)
      const buys = random() < 0.25 + 0.15 * Math.tanh(loyalty) + (heldOut ? 0 : 0.08)
      const value = buys ? habit * Math.exp(0.3 * normal(random)) : 0
      return { heldOut, ordersInWindow: buys ? 1 : 0, revenueInWindow: value, nextOrderValue: buys ? value : null, spendBefore: habit * 2 }
    })
    const lift = holdoutLift(outcomes)
    if (covers(lift.repeatPurchaseRate.lift, 0.08)) repeat++
    if (covers(lift.revenuePerCustomer.lift, 0.08 * meanValue)) revenue++
    adjustedWidth += lift.revenuePerCustomer.lift.high - lift.revenuePerCustomer.lift.low
    unadjustedWidth += lift.revenuePerCustomer.unadjusted.high - lift.revenuePerCustomer.unadjusted.low
  }
  return { repeat: repeat / stores, revenue: revenue / stores, cupedWidth: adjustedWidth / unadjustedWidth }
}

/** An experiment read after every 100 sends per variant until the sequential test settles. */
function runExperiment(random: () => number, treatedRate: number, controlRate: number): SequentialVerdict {
  const options = { alpha: 0.05, tau: 0.03, minimumPerVariant: 200, maximumPerVariant: 4_000 }
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

/** Two variants with the same 5 % click-through: how often a winner is declared anyway. */
export function falseWinnerRate(experiments: number, seed = 404): number {
  const random = seededRandom(seed)
  return share(experiments, () => runExperiment(random, 0.05, 0.05).state === 'winner')
}

/** Variant B three points better (8 % vs 5 %): how often it is named the winner, and how often A is. */
export function sequentialPower(experiments: number, seed = 505): { right: number; wrong: number } {
  const random = seededRandom(seed)
  const verdicts = Array.from({ length: experiments }, () => runExperiment(random, 0.08, 0.05))
  const named = (winner: 'treated' | 'control') =>
    verdicts.filter((verdict) => verdict.state === 'winner' && verdict.winner === winner).length / experiments
  return { right: named('treated'), wrong: named('control') }
}

/** Stores of 20 mined pairings, 3 of which never convert (the rest 2–6 %), 600–1,500 sends each. */
export function reviewOfPlantedDuds(stores: number, seed = 707): { duds: number; dudsRetired: number; good: number; goodRetired: number } {
  const random = seededRandom(seed)
  const counts = { duds: 0, dudsRetired: 0, good: 0, goodRetired: 0 }
  for (let store = 0; store < stores; store++) {
    const pairings: Array<ReviewedPairing & { dud: boolean }> = Array.from({ length: 20 }, (_, index) => {
      const dud = index < 3
      const rate = dud ? 0 : 0.02 + 0.04 * random()
      const sends = 600 + Math.floor(900 * random())
      let conversions = 0
      for (let send = 0; send < sends; send++) if (random() < rate) conversions++
      return { pairingId: `mined:t:${index}`, source: 'mined', sends, conversions, dud }
    })
    for (const [index, entry] of reviewPairings(pairings).entries()) {
      const retired = entry.verdict === 'retire'
      if (pairings[index]!.dud) {
        counts.duds++
        if (retired) counts.dudsRetired++
      } else {
        counts.good++
        if (retired) counts.goodRetired++
      }
    }
  }
  return counts
}
