import { z } from 'zod'

const variantIdSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be 1–32 lowercase letters, digits or dashes')

/** One arm of an experiment on the journey's email: what its emails say and what they offer. */
export const experimentVariantSchema = z.object({
  id: variantIdSchema,
  /** Subject line the Klaviyo template renders (`event.Subject`); the flow's own subject when absent. */
  subject: z.string().trim().min(1).max(200).optional(),
  /** The offer: none, or a discount code (optionally with the percentage it gives, for the copy). */
  offer: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('none') }),
      z.object({ kind: z.literal('code'), code: z.string().trim().min(1).max(64), percentOff: z.number().min(1).max(100).optional() }),
    ])
    .default({ kind: 'none' }),
  /**
   * How the email shows its products: the pick alone, or a grid of `size` (the pick first, filled with
   * the trigger product's other partners, then the store's best sellers). The template renders both.
   */
  layout: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('single') }),
      z.object({ kind: z.literal('grid'), size: z.number().int().min(2).max(6) }),
    ])
    .optional(),
  /**
   * Days from fulfilment to the first email, instead of the segment's delay. Applies to journeys
   * whose order arrived while the experiment ran; only those count for the experiment.
   */
  delayDays: z.number().int().min(1).max(30).optional(),
})
export type ExperimentVariant = z.infer<typeof experimentVariantSchema>

/**
 * A store's experiment on its cross-sell emails: two to four variants, the first being the control.
 * Every customer is in one variant for the experiment's whole life (salted hash of the customer,
 * independent of the holdout); the variant is kept in the send ledger and sent to Klaviyo with the event.
 */
export const experimentSchema = z
  .object({
    id: variantIdSchema,
    name: z.string().trim().min(1).max(200),
    variants: z.array(experimentVariantSchema).min(2, 'an experiment needs at least two variants').max(4),
    /** Sends per variant before a winner may be declared. */
    minimumSendsPerVariant: z.number().int().min(50).default(500),
    /** Whether a declared winner is promoted automatically (else the store promotes it by hand). */
    autoPromote: z.boolean().default(false),
  })
  .refine((experiment) => new Set(experiment.variants.map((variant) => variant.id)).size === experiment.variants.length, {
    message: 'variant ids must differ',
    path: ['variants'],
  })
export type Experiment = z.infer<typeof experimentSchema>
export type ExperimentInput = z.input<typeof experimentSchema>

/**
 * A customer's stable position in [0, 1) within one experiment: FNV-1a of the experiment and the
 * customer, then MurmurHash3's finaliser so that nearby ids scatter and the position owes nothing to
 * the holdout's hash of the same customer.
 */
export function experimentPosition(experimentId: string, customerId: string): number {
  const text = `experiment:${experimentId}:${customerId}`
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b) >>> 0
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0
  hash ^= hash >>> 16
  return (hash >>> 0) / 2 ** 32
}

/** The variant a customer sees: equal shares, the same for every email of theirs while the experiment runs. */
export function assignVariant(experiment: Pick<Experiment, 'id' | 'variants'>, customerId: string): ExperimentVariant {
  const index = Math.floor(experimentPosition(experiment.id, customerId) * experiment.variants.length)
  return experiment.variants[index]!
}

/** One variant's emails as the send ledger counts them: what the results and the test are computed from. */
export interface VariantTotals {
  variantId: string
  sends: number
  /** Sends opened or clicked (a click counts as an open: images may be blocked). */
  opens: number
  clicks: number
  conversions: number
  /** Revenue of the purchases the sends led to (decimal string). */
  revenue: string
  /** Sum over sends of each send's revenue squared: with `revenue`, the spread of revenue per send. */
  revenueSquares: number
}

/** Whether any variant changes the first email's delay: then only journeys that began under the experiment count. */
export function testsDelay(experiment: Pick<Experiment, 'variants'>): boolean {
  return experiment.variants.some((variant) => variant.delayDays !== undefined)
}
