import { segmentSchema } from '@crosswise/domain'
import { z } from 'zod'

/** Where a journey stands; also the `JourneyStage` search attribute. */
export const journeyStageSchema = z.enum([
  'waiting-for-order',
  'waiting-for-fulfilment',
  'waiting-to-send',
  'waiting-for-engagement',
  'ended',
])
export type JourneyStage = z.infer<typeof journeyStageSchema>

/** Why a journey ended. */
export const endReasonSchema = z.enum([
  'no-order',
  'never-fulfilled',
  'cancelled',
  'refunded',
  'bought-again',
  'stopped',
  'redacted',
  'frequency-capped',
  'no-consent',
  'held-out',
  'nothing-to-recommend',
  'converted',
  'not-opened',
  'not-clicked',
  'not-purchased',
  'email-limit',
  'send-failed',
  'klaviyo-refused',
])
export type EndReason = z.infer<typeof endReasonSchema>

/**
 * Where a journey stands, as the `journeyState` query answers: defined once, so the API's views
 * are built from it and carry every field the workflow sets.
 */
export const journeyStateSchema = z.object({
  storeId: z.string(),
  customerId: z.string(),
  stage: journeyStageSchema,
  /** The order this run is about. */
  triggerOrderId: z.string().optional(),
  segment: segmentSchema.optional(),
  /** Every order this journey has heard of, oldest first. */
  ordersSeen: z.array(z.string()),
  emailsSent: z.number(),
  /** Pairings already emailed, in order. */
  pairingIds: z.array(z.string()),
  /** ISO 8601 of the next timed step, when one is scheduled. */
  nextActionAt: z.string().optional(),
  /** A sentence for people: what the journey does now. */
  details: z.string(),
  outcome: endReasonSchema.optional(),
  /** Why the call that ended the journey failed for good (Klaviyo's answer to a refused call). */
  failure: z.string().optional(),
})
export type JourneyState = z.infer<typeof journeyStateSchema>
