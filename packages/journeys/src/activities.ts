import { journeyPolicySchema, pairingSourceSchema, segmentSchema } from '@crosswise/domain'
import { z } from 'zod'
import type { ActivitiesOf } from './activity-contract.ts'

// Each journey activity's input and output, defined once: the workflow's proxies take their types
// from here, and the worker parses every input and output against the same schemas.

const id = z.string().min(1)
const isoTime = z.iso.datetime({ offset: true })

/** Input of `loadJourney`: the journey's customer and the order it is about. */
export const loadJourneyInputSchema = z.object({ storeId: id, customerId: id, orderId: id })
export type LoadJourneyInput = z.infer<typeof loadJourneyInputSchema>

/** What a journey needs to know before it waits: the store's policy and the customer's facts. */
export const journeyContextSchema = z.object({
  policy: journeyPolicySchema,
  segment: segmentSchema,
  /** IANA zone of the send window: the customer's own, else the store's, else the policy default. */
  timeZone: id,
  /** The customer was erased (GDPR): the journey must end without a send. */
  redacted: z.boolean(),
})
export type JourneyContext = z.infer<typeof journeyContextSchema>

/** Input of `pickPairing`. */
export const pickPairingInputSchema = z.object({
  storeId: id,
  customerId: id,
  orderId: id,
  /** Pairings this journey already emailed: an alternative must differ. */
  excludePairingIds: z.array(z.string()),
  /** Products this journey already recommended: an alternative recommends something else. */
  excludeProductIds: z.array(z.string()),
  /**
   * The customer's segment as the journey classified it, for the rules' price bands. Optional only
   * because tasks scheduled before it existed may still run: the worker then derives it as before.
   */
  segment: segmentSchema.optional(),
})
export type PickPairingInput = z.infer<typeof pickPairingInputSchema>

// Defined in domain, where the recommender's choice names it too; part of this contract.
export { pairingSourceSchema, type PairingSource } from '@crosswise/domain'

/** What to recommend: a product of the trigger order and the products that go with it. */
export const pairingPickSchema = z.object({
  /**
   * Stable id of the choice, the same across model versions: `manual:{trigger}:{recommended}`,
   * `mined:{trigger}:{recommended}`, `best-seller:{category}:{product}` or `store-best-seller:{product}`.
   */
  pairingId: id,
  source: pairingSourceSchema,
  triggerProductId: id,
  productIds: z.array(id).min(1).max(12),
  /** Why, for mined pairings: "Bought with Kettle in 31 orders". */
  reason: z.string().optional(),
})
export type PairingPick = z.infer<typeof pairingPickSchema>

/** Input of `checkBeforeSend`: the moment just before an email of a journey. */
export const checkBeforeSendInputSchema = z.object({
  storeId: id,
  customerId: id,
  /** The journey's trigger order. */
  orderId: id,
  /** ISO 8601 placement time of the trigger order: later orders are repeat purchases. */
  placedAt: isoTime,
  /** Orders the journey already knows of; not reported as repeat purchases. */
  knownOrderIds: z.array(z.string()),
  /** Idempotency key of the email about to go out (`sendKey`): a refusal is recorded under it. */
  sendKey: id,
  /** The step named in `sendKey`. Optional: tasks scheduled by the previous release carry only the key. */
  step: id.optional(),
  /** The parts of the store's policy the guards apply, parsed with the policy's own sub-schemas. */
  policy: journeyPolicySchema.pick({ frequencyCap: true, holdoutShare: true, requireExplicitConsent: true, orderConsent: true }),
  /**
   * Set when the email needs a pairing: when the guards are clear, the same task picks it (one task
   * instead of two per email). Absent in tasks of runs from before, which pick in a task of their own.
   */
  pick: z.object({ excludePairingIds: z.array(z.string()), excludeProductIds: z.array(z.string()), segment: segmentSchema }).optional(),
})
export type CheckBeforeSendInput = z.infer<typeof checkBeforeSendInputSchema>

/**
 * Whose consent let an email go: the Klaviyo profile's, or the one the order brought (for a customer
 * Klaviyo holds none for yet); `subscribe` asks the send to write the order's consent to the profile.
 */
export const sendConsentSchema = z.object({ source: z.enum(['klaviyo', 'order']), subscribe: z.boolean() })
export type SendConsent = z.infer<typeof sendConsentSchema>

/** The guards' answer: go ahead, wait for the cap, or end (each recorded where it must be). */
export const sendCheckSchema = z.discriminatedUnion('verdict', [
  /**
   * `pairing`: the pick when one was asked for (null: nothing fits); absent when none was asked for.
   * `consent`: absent from answers of the release before it was given.
   */
  z.object({ verdict: z.literal('clear'), pairing: pairingPickSchema.nullable().optional(), consent: sendConsentSchema.optional() }),
  z.object({ verdict: z.literal('capped'), notBeforeMs: z.number() }),
  z.object({ verdict: z.literal('no-consent'), reason: z.string() }),
  z.object({ verdict: z.literal('held-out') }),
  z.object({ verdict: z.literal('bought-again'), order: z.object({ orderId: id, placedAt: isoTime, productIds: z.array(z.string()) }) }),
])
export type SendCheck = z.infer<typeof sendCheckSchema>

/** Which email of a journey: the first, a follow-up after a click, or an alternative after no open. */
export const emailKindSchema = z.enum(['first', 'follow-up', 'alternative'])
export type EmailKind = z.infer<typeof emailKindSchema>

/** Input of `sendRecommendation`: one email, keyed for idempotency. */
export const sendRecommendationInputSchema = z.object({
  storeId: id,
  customerId: id,
  orderId: id,
  /** `sendKey(storeId, orderId, step)`: Klaviyo's `unique_id`, the outbox's and the ledger's key. */
  sendKey: id.max(255),
  /** `email-1`, `email-2`, …: the step's name inside the key. */
  step: id,
  kind: emailKindSchema,
  pairing: pairingPickSchema,
  /** The customer's segment as the journey classified them, kept in the ledger. Absent from tasks scheduled before it was. */
  segment: segmentSchema.optional(),
  /** As the guards decided it, kept in the ledger. Absent from tasks scheduled before it was. */
  consent: sendConsentSchema.optional(),
  /**
   * Set when the email may go out with another pairing if this one's product is gone by now (a first
   * email or an alternative; a follow-up repeats its pairing or nothing): what the next pick must not
   * repeat. Absent from follow-ups and from tasks scheduled before it was: those end `unavailable`.
   */
  fallThrough: z.object({ excludePairingIds: z.array(z.string()), excludeProductIds: z.array(z.string()) }).optional(),
})
export type SendRecommendationInput = z.infer<typeof sendRecommendationInputSchema>

/** How an email went out: its channel and the profile it went to, what reading its engagement needs. */
export const deliverySchema = z.object({ channel: z.enum(['klaviyo', 'outbox']), profileId: id })
export type Delivery = z.infer<typeof deliverySchema>

/**
 * What sending did: `sent` now, `already-sent` by an earlier attempt with the same key, or nothing
 * because a recommended product is no longer available (or now owned).
 */
export const sendResultSchema = z.discriminatedUnion('status', [
  /** `sentAt`: ISO 8601 of the (first) send; `pairing`: what went out, only when a fall-through replaced the journey's. */
  z.object({
    status: z.enum(['sent', 'already-sent']),
    sentAt: isoTime,
    delivery: deliverySchema.optional(),
    pairing: pairingPickSchema.optional(),
  }),
  z.object({ status: z.literal('unavailable') }),
])
export type SendResult = z.infer<typeof sendResultSchema>

/** Input of `fetchEngagement`: one email's key, when it went out, and what it recommended. */
export const fetchEngagementInputSchema = z.object({
  storeId: id,
  customerId: id,
  sendKey: id,
  /** ISO 8601. */
  sentAt: isoTime,
  productIds: z.array(z.string()),
  /** As the send answered it; absent in tasks of runs from before, which read it from the ledger. */
  delivery: deliverySchema.optional(),
})
export type FetchEngagementInput = z.infer<typeof fetchEngagementInputSchema>

/** How the customer reacted to one email so far. */
export const engagementSchema = z.object({
  opened: z.boolean(),
  clicked: z.boolean(),
  purchased: z.boolean(),
  /** The order that bought a recommended product, when one did. */
  purchaseOrderId: z.string().optional(),
})
export type Engagement = z.infer<typeof engagementSchema>

/** Input of `recordConversion`. */
export const recordConversionInputSchema = z.object({
  storeId: id,
  customerId: id,
  /** The journey's trigger order. */
  orderId: id,
  /** The email that converted. */
  sendKey: id,
  pairingId: id,
  /** The purchase, when it is an order we know. */
  purchaseOrderId: id.optional(),
})
export type RecordConversionInput = z.infer<typeof recordConversionInputSchema>

/**
 * The activities a journey calls. The worker implements them over the adapters (`createActivities`
 * in apps/worker). Every side effect is keyed by `sendKey`, so a retried or replayed call never acts twice.
 */
export const journeyActivityContracts = {
  /** Reads the store's policy, the customer's segment and time zone. No side effects. */
  loadJourney: { input: loadJourneyInputSchema, output: journeyContextSchema },
  /**
   * Re-checks everything that may forbid an email now: a newer order, the frequency cap, consent and
   * holdout. Records the holdout assignment, and a refusal (consent, holdout) in the send ledger.
   */
  checkBeforeSend: { input: checkBeforeSendInputSchema, output: sendCheckSchema },
  /** Chooses what to recommend: manual, mined, category best seller, store best seller; null when nothing fits. */
  pickPairing: { input: pickPairingInputSchema, output: pairingPickSchema.nullable() },
  /** Sends one recommendation email (or writes it to the dry-run outbox), once per key. */
  sendRecommendation: { input: sendRecommendationInputSchema, output: sendResultSchema },
  /** Reads opens, clicks and purchases since an email went out. No side effects. */
  fetchEngagement: { input: fetchEngagementInputSchema, output: engagementSchema },
  /** Records that an email led to a purchase; once per email. */
  recordConversion: { input: recordConversionInputSchema, output: z.void() },
}

/** The journey's activities as functions, typed by their contracts. */
export type JourneyActivities = ActivitiesOf<typeof journeyActivityContracts>
