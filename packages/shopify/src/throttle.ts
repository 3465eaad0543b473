import { z } from 'zod'

/** The shop's leaky bucket of query cost, as Shopify reports it with every answer. */
export const throttleStatusSchema = z.object({
  maximumAvailable: z.number().nonnegative(),
  currentlyAvailable: z.number().nonnegative(),
  /** Points restored per second. */
  restoreRate: z.number().positive(),
})
export type ThrottleStatus = z.infer<typeof throttleStatusSchema>

/** `extensions.cost` of an Admin GraphQL answer. */
export const queryCostSchema = z.object({
  requestedQueryCost: z.number().nonnegative(),
  actualQueryCost: z.number().nonnegative().nullable().optional(),
  throttleStatus: throttleStatusSchema,
})
export type QueryCost = z.infer<typeof queryCostSchema>

/**
 * How long to wait before sending a query of `requestedCost` points, given the bucket as Shopify last
 * reported it (`status`, as of `observedAtMs`) and the time now: the bucket refills at `restoreRate`
 * per second up to `maximumAvailable`, and a query needs its whole requested cost available. Zero
 * when it is. Take `observedAtMs` as the time the report arrived: Shopify measured the bucket before
 * that, so the estimate errs on the side of waiting.
 */
export function throttleWaitMs(requestedCost: number, status: ThrottleStatus, observedAtMs: number, nowMs: number): number {
  const elapsedSeconds = Math.max(0, nowMs - observedAtMs) / 1_000
  const available = Math.min(status.maximumAvailable, status.currentlyAvailable + elapsedSeconds * status.restoreRate)
  // A query dearer than the whole bucket waits for a full bucket; Shopify then refuses it with MAX_COST_EXCEEDED.
  const needed = Math.min(requestedCost, status.maximumAvailable)
  if (available >= needed) return 0
  return Math.ceil(((needed - available) / status.restoreRate) * 1_000)
}
