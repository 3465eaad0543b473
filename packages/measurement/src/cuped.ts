import { summarize, type DifferenceInterval } from './summary.ts'
import { welchInterval } from './welch-interval.ts'

/** One customer's outcome and the same measure before the experiment began (e.g. pre-period spend). */
export interface Observation {
  outcome: number
  covariate: number
}

/** A CUPED estimate: the adjusted interval, the plain one, and which the report should show. */
export interface CupedInterval extends DifferenceInterval {
  /** The regression coefficient of the outcome on the covariate, pooled over both groups. */
  theta: number
  unadjusted: DifferenceInterval
  /** The adjusted interval is narrower than the plain one. */
  narrower: boolean
}

/**
 * CUPED (Deng et al., 2013): subtract from each outcome the part its pre-period covariate predicts.
 * The covariate is measured before assignment, so the adjustment keeps the estimate unbiased while
 * removing the variance the two share; with an uninformative covariate it changes next to nothing.
 */
export function cupedInterval(treated: readonly Observation[], control: readonly Observation[], confidence = 0.95): CupedInterval {
  const all = [...treated, ...control]
  const covariates = summarize(all.map((observation) => observation.covariate))
  const outcomes = summarize(all.map((observation) => observation.outcome))
  const covariance =
    all.length < 2
      ? 0
      : all.reduce((sum, observation) => sum + (observation.covariate - covariates.mean) * (observation.outcome - outcomes.mean), 0) /
        (all.length - 1)
  const theta = covariates.variance === 0 ? 0 : covariance / covariates.variance
  const adjust = (group: readonly Observation[]) =>
    group.map((observation) => observation.outcome - theta * (observation.covariate - covariates.mean))
  const unadjusted = welchInterval(
    treated.map((observation) => observation.outcome),
    control.map((observation) => observation.outcome),
    confidence,
  )
  const adjusted = welchInterval(adjust(treated), adjust(control), confidence)
  return { ...adjusted, theta, unadjusted, narrower: adjusted.high - adjusted.low < unadjusted.high - unadjusted.low }
}
