import type { VariantTotals } from '@crosswise/domain'
import { meanInterval } from './mean-interval.ts'
import { wilsonInterval, type Proportion } from './proportion-interval.ts'
import { sequentialTest, type SequentialVerdict } from './sequential-test.ts'

/** A 95 % interval. */
export interface Interval {
  low: number
  high: number
}

export interface VariantResult extends VariantTotals {
  /** Share of sends opened (or clicked), with its Wilson 95 % interval. */
  openRate: number
  openInterval: Interval
  clickRate: number
  clickInterval: Interval
  conversionRate: number
  /** Wilson 95 % interval of the conversion rate. */
  conversionInterval: Interval
  revenuePerSend: number
  /** Student's t 95 % interval of revenue per send. */
  revenuePerSendInterval: Interval
  /** Against the control (absent for the control itself): the sequential test's verdict at this look. */
  versusControl?: SequentialVerdict
}

export interface ExperimentResults {
  variants: VariantResult[]
  /** The variant declared best, or null while the data cannot tell (too few sends, or no clear difference yet). */
  winner: string | null
}

export interface ExperimentTestOptions {
  /** Sends per variant before any verdict. */
  minimumSendsPerVariant: number
  /** False-winner rate kept over the whole experiment however often it is read; split over the comparisons. */
  alpha: number
  /** The conversion difference the test is most sensitive near (the mixing prior's spread). */
  tau: number
}

export const defaultExperimentTestOptions: Omit<ExperimentTestOptions, 'minimumSendsPerVariant'> = { alpha: 0.05, tau: 0.02 }

/**
 * An experiment's results: each variant's conversion with its interval and revenue per send, and each
 * treated variant against the control (the first) by the always-valid sequential test, so the store
 * may read results daily without inflating false winners. With several treated variants the error
 * rate is split between their comparisons (Bonferroni). A treated variant wins when it beats the
 * control; the control wins when every treated variant is shown worse.
 */
export function experimentResults(
  totals: readonly VariantTotals[],
  variantIds: readonly string[],
  options: ExperimentTestOptions,
): ExperimentResults {
  const byId = new Map(totals.map((total) => [total.variantId, total]))
  const of = (variantId: string): VariantTotals =>
    byId.get(variantId) ?? { variantId, sends: 0, opens: 0, clicks: 0, conversions: 0, revenue: '0', revenueSquares: 0 }
  const control = of(variantIds[0]!)
  const comparisons = Math.max(1, variantIds.length - 1)
  const proportion = (total: VariantTotals) => ({ successes: total.conversions, trials: total.sends })
  const variants = variantIds.map((variantId, index): VariantResult => {
    const total = of(variantId)
    const rate = (successes: number) => {
      const { rate: share, low, high } = wilsonInterval({ successes, trials: total.sends } satisfies Proportion)
      return [share, { low, high }] as const
    }
    const [openRate, openInterval] = rate(total.opens)
    const [clickRate, clickInterval] = rate(total.clicks)
    const [conversionRate, conversionInterval] = rate(total.conversions)
    const revenue = meanInterval({ count: total.sends, sum: Number(total.revenue), sumSquares: total.revenueSquares })
    return {
      ...total,
      openRate,
      openInterval,
      clickRate,
      clickInterval,
      conversionRate,
      conversionInterval,
      revenuePerSend: revenue.mean,
      revenuePerSendInterval: { low: revenue.low, high: revenue.high },
      ...(index === 0
        ? {}
        : {
            versusControl: sequentialTest(proportion(total), proportion(control), {
              alpha: options.alpha / comparisons,
              tau: options.tau,
              minimumPerVariant: options.minimumSendsPerVariant,
              maximumPerVariant: options.minimumSendsPerVariant * 20,
            }),
          }),
    }
  })
  const treated = variants.slice(1)
  const winners = treated.filter((variant) => variant.versusControl?.state === 'winner' && variant.versusControl.winner === 'treated')
  const best = winners.sort((a, b) => b.conversionRate - a.conversionRate)[0]
  const controlBest =
    treated.length > 0 &&
    treated.every((variant) => variant.versusControl?.state === 'winner' && variant.versusControl.winner === 'control')
  return { variants, winner: best?.variantId ?? (controlBest ? control.variantId : null) }
}
