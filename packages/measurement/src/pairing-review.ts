import { wilsonInterval } from './proportion-interval.ts'

/** A pairing's emails since it was first sent, as the review reads them. */
export interface ReviewedPairing {
  pairingId: string
  /** `manual` pairings are the store's own choice: flagged, never retired. */
  source: string | null
  sends: number
  conversions: number
}

export interface PairingReviewOptions {
  /** Sends a pairing needs before it is judged. */
  minimumSends: number
  /** The conversion rate a pairing must be able to reach (the store's threshold). */
  conversionFloor: number
  /** How sure the review must be before it acts: the one-sided bound it reads. */
  confidence: number
}

export const defaultPairingReviewOptions: PairingReviewOptions = { minimumSends: 300, conversionFloor: 0.005, confidence: 0.99 }

export type PairingVerdict = 'keep' | 'collecting' | 'retire' | 'flag'

export interface PairingReviewEntry extends ReviewedPairing {
  verdict: PairingVerdict
  conversionRate: number
  /** The upper bound of the conversion rate at the review's confidence. */
  upperBound: number
  reason: string
}

/**
 * The monthly pairing review: a pairing underperforms when, after enough sends, even the optimistic
 * end of its conversion rate stays below the store's floor or below half the rate of its peers (the
 * store's other judged pairings together). An underperforming mined or best-seller pairing is retired
 * and stops being picked; a manual one is flagged for the store to decide. Reading the upper bound at
 * 99 % keeps a good pairing from being retired by a bad month.
 */
export function reviewPairings(
  pairings: readonly ReviewedPairing[],
  options: PairingReviewOptions = defaultPairingReviewOptions,
): PairingReviewEntry[] {
  const judged = pairings.filter((pairing) => pairing.sends >= options.minimumSends)
  const totalSends = judged.reduce((sum, pairing) => sum + pairing.sends, 0)
  const totalConversions = judged.reduce((sum, pairing) => sum + pairing.conversions, 0)
  // A two-sided interval at 1 - 2(1 - confidence) has the one-sided upper bound at `confidence`.
  const twoSided = 1 - 2 * (1 - options.confidence)
  return pairings.map((pairing) => {
    const { rate, high } = wilsonInterval({ successes: pairing.conversions, trials: pairing.sends }, twoSided)
    const entry = { ...pairing, conversionRate: rate, upperBound: high }
    if (pairing.sends < options.minimumSends) {
      return { ...entry, verdict: 'collecting', reason: `${pairing.sends} of ${options.minimumSends} sends needed before a verdict` }
    }
    const otherSends = totalSends - pairing.sends
    const peerRate = otherSends === 0 ? null : (totalConversions - pairing.conversions) / otherSends
    const bound = `at most ${(high * 100).toFixed(2)} % (${Math.round(options.confidence * 100)} % upper bound)`
    let reason: string | null = null
    if (high < options.conversionFloor)
      reason = `converts ${bound}, below the store's floor of ${(options.conversionFloor * 100).toFixed(2)} %`
    else if (peerRate !== null && high < peerRate / 2) reason = `converts ${bound}, under half its peers' ${(peerRate * 100).toFixed(2)} %`
    if (reason === null) return { ...entry, verdict: 'keep', reason: `converts ${(rate * 100).toFixed(2)} % over ${pairing.sends} sends` }
    return pairing.source === 'manual'
      ? { ...entry, verdict: 'flag', reason: `${reason}; a manual pairing: the store decides` }
      : { ...entry, verdict: 'retire', reason }
  })
}
