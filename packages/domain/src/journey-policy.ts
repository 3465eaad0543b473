import { z } from 'zod'
import { renamedField } from './renamed-field.ts'
import { timeZoneSchema } from './time-zone.ts'

const days = (value: number) => value * 24 * 60 * 60 * 1000
// Up to a year: a longer wait is a mistake, and a timer of 2^53 ms would fail the journey's every workflow task.
const durationMs = z.number().int().nonnegative().max(days(365), 'must be at most a year (31,536,000,000 ms)')

/** A customer's segment: the journey's timing and the recommender's price band depend on it. */
export const segmentSchema = z.enum(['first-time', 'repeat', 'vip'])
export type Segment = z.infer<typeof segmentSchema>

/** Local hours and weekdays in which cross-sell emails may be sent. */
export const sendWindowSchema = z
  .object({
    /** First allowed local hour, 0–23. */
    startHour: z.number().int().min(0).max(23).default(9),
    /** Local hour at which the window closes (exclusive), 1–24. */
    endHour: z.number().int().min(1).max(24).default(20),
    /** ISO weekdays allowed: 1 = Monday … 7 = Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5, 6, 7]),
    /** IANA zone used when the customer's own zone is unknown. */
    defaultTimeZone: timeZoneSchema.default('UTC'),
  })
  .refine((window) => window.startHour < window.endHour, { message: 'startHour must be before endHour' })

/**
 * A store's rules for every journey: who counts as VIP, how long each segment waits after
 * fulfilment, when emails may go out, how often, and what happens on each branch. Stored per store;
 * every field has the default a store gets without configuring anything. Durations in milliseconds.
 */
export const journeyPolicySchema = z.object({
  segments: z
    .object({
      /** Lifetime spend (major units of the store currency) at or above which a customer is VIP. */
      vipMinSpend: z.number().nonnegative().max(1e10).default(500),
      /** Order count at or above which a customer is VIP. */
      vipMinOrders: z.number().int().positive().max(100_000).default(5),
    })
    .default({ vipMinSpend: 500, vipMinOrders: 5 }),
  /** Wait after fulfilment before the first email, per segment. */
  delayMs: z
    .object({ 'first-time': durationMs, repeat: durationMs, vip: durationMs })
    .default({ 'first-time': days(7), repeat: days(5), vip: days(3) }),
  sendWindow: sendWindowSchema.default({ startHour: 9, endHour: 20, weekdays: [1, 2, 3, 4, 5, 6, 7], defaultTimeZone: 'UTC' }),
  fulfillment: z
    .object({
      /** How long to wait for fulfilment before `onTimeout` applies. */
      timeoutMs: durationMs.default(days(30)),
      onTimeout: z.enum(['proceed', 'end']).default('end'),
      /** Whether a partial fulfilment counts as fulfilled. */
      partial: z.enum(['proceed', 'wait-for-complete']).default('proceed'),
    })
    .default({ timeoutMs: days(30), onTimeout: 'end', partial: 'proceed' }),
  fulfilment: renamedField('fulfillment'),
  /** What a new order during the wait does to the running journey. */
  onRepeatPurchase: z.enum(['restart', 'end']).default('restart'),
  frequencyCap: z
    .object({
      /** At most this many cross-sell emails per customer within `windowMs`. */
      maxEmails: z.number().int().positive().max(100).default(2),
      windowMs: durationMs.default(days(30)),
      /** Minimum time between any two cross-sell emails to one customer. */
      minGapMs: durationMs.default(days(3)),
    })
    .default({ maxEmails: 2, windowMs: days(30), minGapMs: days(3) }),
  /** Share of customers (0–1) held out: recorded but never emailed, to measure lift. */
  holdoutShare: z.number().min(0).max(1).default(0.1),
  /** Require explicit `SUBSCRIBED` consent, not just "can receive email marketing". */
  requireExplicitConsent: z.boolean().default(false),
  /**
   * The marketing consent an order brings (Shopify's email marketing consent, `acceptsMarketing` in
   * the API), for a customer Klaviyo holds no consent for yet (no profile, or not subscribed where
   * explicit consent is required): `use` it, also `subscribe` the profile in Klaviyo with it at the
   * send, or `ignore` it and go by Klaviyo alone.
   */
  orderConsent: z.enum(['use', 'subscribe', 'ignore']).default('use'),
  engagement: z
    .object({
      /** How long to wait for opens, clicks and purchases after a send. */
      waitMs: durationMs.default(days(4)),
      /** Delay before the follow-up to a customer who clicked but did not buy. */
      followUpDelayMs: durationMs.default(days(2)),
      /** What to do when the email was not opened. */
      onNotOpened: z.enum(['alternative-pairing', 'end']).default('alternative-pairing'),
      /** How often engagement is read during the wait; clicks and purchases end the wait early. */
      pollIntervalMs: z.number().int().positive().default(days(1)),
    })
    .default({ waitMs: days(4), followUpDelayMs: days(2), onNotOpened: 'alternative-pairing', pollIntervalMs: days(1) }),
  /**
   * Days after an open or click of an email in which the customer's order is credited to it (the
   * report's attribution; Klaviyo's default for email is five).
   */
  attributionWindowDays: z.number().int().min(1).max(30).default(5),
  /** Most emails one journey sends, follow-ups and alternatives included. */
  maxEmailsPerJourney: z.number().int().min(1).max(5).default(2),
})
export type JourneyPolicy = z.infer<typeof journeyPolicySchema>
export type JourneyPolicyInput = z.input<typeof journeyPolicySchema>

/** The policy a store gets without configuring anything. */
export const defaultJourneyPolicy: JourneyPolicy = journeyPolicySchema.parse({})
