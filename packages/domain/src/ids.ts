/**
 * Temporal workflow id of a customer's journey in one store: `journey:{storeId}:{customerId}`.
 * Duplicate webhooks and concurrent orders of one customer meet the same execution through it.
 */
export function journeyWorkflowId(storeId: string, customerId: string): string {
  return `journey:${storeId}:${customerId}`
}

/**
 * Idempotency key of one side effect of a journey step: `{storeId}:{orderId}:{step}`. Stable across
 * retries and replays, so Klaviyo's `unique_id` and our send ledger both recognise a repeat.
 */
export function sendKey(storeId: string, orderId: string, step: string): string {
  return `${storeId}:${orderId}:${step}`
}
