import { KlaviyoRejectedError } from './errors.ts'
import { createKlaviyoClients } from './klaviyo-clients.ts'

/** Whether Klaviyo accepts a private key, and why not. */
export type KlaviyoKeyCheck = { accepted: true } | { accepted: false; status: number; reason: string }

/**
 * Asks Klaviyo whether it accepts a private key, with one read Crosswise itself needs (the account's
 * metrics, which engagement read-back looks up), so a key without that scope is refused here rather
 * than at a journey's first step. A refusal (401, 403) is an answer; anything else (timeout, network,
 * 5xx, 429) throws a `KlaviyoRetryableError`: Klaviyo could not be asked.
 */
export async function checkKlaviyoKey(apiKey: string, options: { basePath?: string; timeoutMs?: number } = {}): Promise<KlaviyoKeyCheck> {
  const clients = createKlaviyoClients({
    apiKey,
    timeoutMs: options.timeoutMs ?? 5_000,
    // One attempt: the person setting the key is waiting for the answer.
    maxRetryAfterWaitMs: 0,
    ...(options.basePath ? { basePath: options.basePath } : {}),
  })
  try {
    await clients.metrics.getMetrics({ fieldsMetric: ['name'] })
    return { accepted: true }
  } catch (error) {
    if (error instanceof KlaviyoRejectedError && (error.status === 401 || error.status === 403)) {
      return { accepted: false, status: error.status, reason: error.reason }
    }
    throw error
  }
}
