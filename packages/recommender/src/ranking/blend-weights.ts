/**
 * The evidence a recommendation can rest on. `…History` signals score from the customer's earlier
 * purchases rather than the trigger order; `popularity` is recency-weighted basket counts and
 * `trend` the recent growth in sales, both the same for every customer.
 */
export const signals = ['ease', 'easeHistory', 'coPurchase', 'coPurchaseHistory', 'transitions', 'popularity', 'trend'] as const

/** Signals that do not depend on the customer: they rank, but are no evidence of a pairing. */
export const storeWideSignals: readonly Signal[] = ['popularity', 'trend']

/** One kind of evidence, see {@link signals}. */
export type Signal = (typeof signals)[number]

/**
 * How much each signal counts in the blended score. Each signal is first scaled so its best eligible
 * item scores 1, so weights compare across signals; a weight of 0 switches a signal off.
 */
export type BlendWeights = Readonly<Record<Signal, number>>

/**
 * Weights chosen by `crosswise evaluate` on the Online Retail validation split (train before
 * 2011-06-01, truth until 2011-09-01, EASE λ 250); the command prints the weights it picks, and
 * these are refreshed from that output.
 */
export const defaultWeights: BlendWeights = {
  ease: 1,
  easeHistory: 1,
  coPurchase: 0.1,
  coPurchaseHistory: 0.1,
  transitions: 0.2,
  popularity: 0,
  trend: 1,
}

/**
 * Weights for a model without EASE (catalogues above its size limit), chosen the same way: the pair
 * signals carry the ranking.
 */
export const sparseDefaultWeights: BlendWeights = {
  ease: 0,
  easeHistory: 0,
  coPurchase: 1,
  coPurchaseHistory: 1,
  transitions: 0,
  popularity: 0,
  trend: 1,
}
