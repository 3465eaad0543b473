/**
 * Temporal workflow id of a customer's journey in one store: `journey:{storeId}:{customerId}`.
 * Duplicate webhooks and concurrent orders of one customer meet the same execution through it.
 */
export function journeyWorkflowId(storeId: string, customerId: string): string {
  return `journey:${storeId}:${customerId}`
}

/**
 * Our external id on a Klaviyo profile, and the dry run's profile id: `crosswise:{storeId}:{customerId}`.
 * The prefix keeps it apart from ids other integrations (Shopify's own) write on the same account.
 */
export function klaviyoExternalId(storeId: string, customerId: string): string {
  return `crosswise:${storeId}:${customerId}`
}

/**
 * Idempotency key of one side effect of a journey step: `{storeId}:{orderId}:{step}`. Stable across
 * retries and replays, so Klaviyo's `unique_id` and our send ledger both recognise a repeat.
 */
export function sendKey(storeId: string, orderId: string, step: string): string {
  return `${storeId}:${orderId}:${step}`
}

/** What a recorded commerce event is about; one dispatch per subject and id. */
export type EventSubject = 'order' | 'fulfillment' | 'cancellation' | 'refund' | 'redaction'

/**
 * Key of one recorded commerce event that a journey hears about: `{subject}:{storeId}:{id}`, e.g.
 * `fulfillment:acme:5551`. The dispatch outbox is unique on it, so recording an event twice (a
 * redelivered webhook, a retried API call) announces it once, and the journey ignores a redelivery.
 */
export function eventKey(subject: EventSubject, storeId: string, id: string): string {
  return `${subject}:${storeId}:${id}`
}

/**
 * Id of a store's nightly pairing refresh: the Temporal Schedule's id and the prefix of the workflow
 * ids it starts, `pairing-refresh:{storeId}`. Ensuring the schedule under it is idempotent.
 */
export function pairingRefreshId(storeId: string): string {
  return `pairing-refresh:${storeId}`
}

/** Id of a store's monthly pairing review schedule, and of the workflow each run starts. */
export function pairingReviewId(storeId: string): string {
  return `pairing-review:${storeId}`
}

/**
 * Id of a store's Shopify catalogue sync: the Temporal Schedule's id and the id of the sync started
 * when the store connects, `catalogue-sync:{storeId}` (scheduled runs get it with a time suffix).
 */
export function catalogueSyncId(storeId: string): string {
  return `catalogue-sync:${storeId}`
}

/** Id of a journey's pick from the store's manual pairings: `manual:{trigger}:{recommended}`. */
export function manualPairingId(triggerProductId: string, recommendedProductId: string): string {
  return `manual:${triggerProductId}:${recommendedProductId}`
}

/** Id of a journey's pick from the mined pairings, the same across model versions: `mined:{trigger}:{recommended}`. */
export function minedPairingId(triggerProductId: string, recommendedProductId: string): string {
  return `mined:${triggerProductId}:${recommendedProductId}`
}

/** Id of a journey's pick of the best seller of one of the order's categories: `best-seller:{category}:{product}`. */
export function categoryBestSellerPairingId(category: string, productId: string): string {
  return `best-seller:${category}:${productId}`
}

/** Id of a journey's pick of one of the store's own best sellers: `store-best-seller:{product}`. */
export function storeBestSellerPairingId(productId: string): string {
  return `store-best-seller:${productId}`
}
