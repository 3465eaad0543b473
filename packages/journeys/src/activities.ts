import type { JourneyPolicy, Segment } from '@crosswise/domain'
import type { EmailKind } from './journey-types.ts'

/** Input of `loadJourney`: the journey's customer and the order it is about. */
export interface LoadJourneyInput {
  storeId: string
  customerId: string
  orderId: string
}

/** What a journey needs to know before it waits: the store's policy and the customer's facts. */
export interface JourneyContext {
  policy: JourneyPolicy
  segment: Segment
  /** IANA zone of the send window: the customer's own, else the store's, else the policy default. */
  timeZone: string
  /** The customer was erased (GDPR): the journey must end without a send. */
  redacted: boolean
}

/** Input of `checkBeforeSend`: the moment just before an email of a journey. */
export interface CheckBeforeSendInput {
  storeId: string
  customerId: string
  /** The journey's trigger order. */
  orderId: string
  /** ISO 8601 placement time of the trigger order: later orders are repeat purchases. */
  placedAt: string
  /** Orders the journey already knows of; not reported as repeat purchases. */
  knownOrderIds: string[]
  /** Idempotency key of the email about to go out (`sendKey`): a refusal is recorded under it. */
  sendKey: string
  policy: Pick<JourneyPolicy, 'frequencyCap' | 'holdoutShare' | 'requireExplicitConsent'>
}

/** The guards' answer: go ahead, wait for the cap, or end (each recorded where it must be). */
export type SendCheck =
  | { verdict: 'clear' }
  | { verdict: 'capped'; notBeforeMs: number }
  | { verdict: 'no-consent'; reason: string }
  | { verdict: 'held-out' }
  | { verdict: 'bought-again'; order: { orderId: string; placedAt: string; productIds: string[] } }

/** Input of `pickPairing`. */
export interface PickPairingInput {
  storeId: string
  customerId: string
  orderId: string
  /** Pairings this journey already emailed: an alternative must differ. */
  excludePairingIds: string[]
  /** Products this journey already recommended: an alternative recommends something else. */
  excludeProductIds: string[]
}

/** What to recommend: a product of the trigger order and the products that go with it. */
export interface PairingPick {
  /**
   * Stable id of the choice, the same across model versions: `manual:{trigger}:{recommended}`,
   * `mined:{trigger}:{recommended}` or `best-seller:{category}:{product}`.
   */
  pairingId: string
  /** The store's own pairing, one mined from its orders, or the category's best seller. */
  source: 'manual' | 'mined' | 'best-seller'
  triggerProductId: string
  productIds: string[]
  /** Why, for mined pairings: "Bought with Kettle in 31 orders". */
  reason?: string
}

/** Input of `sendRecommendation`: one email, keyed for idempotency. */
export interface SendRecommendationInput {
  storeId: string
  customerId: string
  orderId: string
  /** `sendKey(storeId, orderId, step)`: Klaviyo's `unique_id`, the outbox's and the ledger's key. */
  sendKey: string
  /** `email-1`, `email-2`, …: the step's name inside the key. */
  step: string
  kind: EmailKind
  pairing: PairingPick
}

/**
 * What sending did: `sent` now, `already-sent` by an earlier attempt with the same key, or nothing
 * because a recommended product is no longer available (or now owned).
 */
export type SendResult = { status: 'sent' | 'already-sent'; /** ISO 8601 of the (first) send. */ sentAt: string } | { status: 'unavailable' }

/** Input of `fetchEngagement`: one email's key, when it went out, and what it recommended. */
export interface FetchEngagementInput {
  storeId: string
  customerId: string
  sendKey: string
  /** ISO 8601. */
  sentAt: string
  productIds: string[]
}

/** How the customer reacted to one email so far. */
export interface Engagement {
  opened: boolean
  clicked: boolean
  purchased: boolean
  /** The order that bought a recommended product, when one did. */
  purchaseOrderId?: string
}

/** Input of `recordConversion`. */
export interface RecordConversionInput {
  storeId: string
  customerId: string
  /** The journey's trigger order. */
  orderId: string
  /** The email that converted. */
  sendKey: string
  pairingId: string
  /** The purchase, when it is an order we know. */
  purchaseOrderId?: string
}

/**
 * The activities a journey calls, known to workflow code by type only. The worker implements them
 * over the adapters (`createActivities` in apps/worker). Every side effect is keyed by `sendKey`, so a
 * retried or replayed call never acts twice.
 */
export interface JourneyActivities {
  /** Reads the store's policy, the customer's segment and time zone. No side effects. */
  loadJourney(input: LoadJourneyInput): Promise<JourneyContext>
  /**
   * Re-checks everything that may forbid an email now: a newer order, the frequency cap, consent and
   * holdout. Records the holdout assignment, and a refusal (consent, holdout) in the send ledger.
   */
  checkBeforeSend(input: CheckBeforeSendInput): Promise<SendCheck>
  /** Chooses what to recommend: manual pairings first, then mined ones, then best sellers of the same category. */
  pickPairing(input: PickPairingInput): Promise<PairingPick | null>
  /** Sends one recommendation email (or writes it to the dry-run outbox), once per key. */
  sendRecommendation(input: SendRecommendationInput): Promise<SendResult>
  /** Reads opens, clicks and purchases since an email went out. No side effects. */
  fetchEngagement(input: FetchEngagementInput): Promise<Engagement>
  /** Records that an email led to a purchase; once per email. */
  recordConversion(input: RecordConversionInput): Promise<void>
}
