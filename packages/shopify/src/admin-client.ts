import { z } from 'zod'
import { ShopifyQueryError, ShopifyRefusedError, ShopifyThrottledError, ShopifyUnavailableError } from './errors.ts'
import { queryCostSchema, type QueryCost } from './throttle.ts'

/** The Admin API version Crosswise speaks unless a store's connection names another. */
export const defaultShopifyApiVersion = '2026-10'

/** How to reach one shop's Admin GraphQL API. */
export interface ShopifyAdminOptions {
  /** The shop's permanent domain, `example.myshopify.com`. */
  shopDomain: string
  /** The app's Admin API access token for the shop (`shpat_…`). */
  accessToken: string
  /** Admin API version, e.g. `2026-10`. */
  apiVersion: string
  /** Origin to send to instead of `https://{shopDomain}`: a fake Shopify in tests and demos. */
  baseUrl?: string
  /** Limit on each call, in milliseconds; default 10 s. */
  timeoutMs?: number
}

/** A successful answer: its `data`, and the query cost Shopify reported with it. */
export interface AdminAnswer {
  data: unknown
  cost: QueryCost | undefined
}

const graphqlErrorSchema = z.object({ message: z.string(), extensions: z.object({ code: z.string().optional() }).passthrough().optional() })
const answerSchema = z.object({
  data: z.unknown().optional(),
  // An HTTP-level refusal carries a string (`"[API] Invalid API key or access token …"`); GraphQL errors a list.
  errors: z.union([z.string(), z.array(graphqlErrorSchema)]).optional(),
  extensions: z.object({ cost: queryCostSchema.optional() }).passthrough().optional(),
})

// Statuses after which the same request cannot succeed: payment required (frozen shop), forbidden,
// unknown shop, locked shop.
const refusedStatuses = new Set([401, 402, 403, 404, 423])

/**
 * A client of one shop's Admin GraphQL API: `POST {origin}/admin/api/{version}/graphql.json` with the
 * `X-Shopify-Access-Token` header, each call limited by a timeout. It sends one request per call and
 * classifies the outcome into the errors of `./errors.ts`; waiting for the cost bucket and retrying
 * are the caller's (`ThrottledAdminClient`).
 */
export class ShopifyAdminClient {
  /** The GraphQL endpoint this client posts to. */
  readonly endpoint: string
  private readonly timeoutMs: number

  constructor(private readonly options: ShopifyAdminOptions) {
    const origin = (options.baseUrl ?? `https://${options.shopDomain}`).replace(/\/+$/, '')
    this.endpoint = `${origin}/admin/api/${options.apiVersion}/graphql.json`
    this.timeoutMs = options.timeoutMs ?? 10_000
  }

  /** Runs one GraphQL operation; throws a `ShopifyError` subclass when Shopify refuses or cannot answer. */
  async query(document: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<AdminAnswer> {
    const timeout = AbortSignal.timeout(this.timeoutMs)
    let response: Response
    let text: string
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-shopify-access-token': this.options.accessToken },
        body: JSON.stringify({ query: document, variables }),
        signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      })
      text = await response.text()
    } catch (error) {
      if (signal?.aborted) throw error
      const reason = timeout.aborted ? `no answer within ${this.timeoutMs} ms` : `network error: ${(error as Error).message}`
      throw new ShopifyUnavailableError(`Could not reach Shopify at ${this.endpoint} (${reason}).`, { cause: error })
    }
    const answer = parseAnswer(text)
    if (refusedStatuses.has(response.status)) throw new ShopifyRefusedError(response.status, errorText(answer) ?? response.statusText)
    if (response.status === 429 || response.status >= 500) {
      throw new ShopifyUnavailableError(`Shopify answered ${response.status}${errorText(answer) ? `: ${errorText(answer)}` : ''}.`)
    }
    if (response.status !== 200 || !answer) {
      throw new ShopifyQueryError(
        `Shopify answered ${response.status} with ${answer ? 'an unexpected body' : 'no JSON'}: ${text.slice(0, 200)}`,
      )
    }
    const cost = answer.extensions?.cost
    if (Array.isArray(answer.errors) && answer.errors.length > 0) {
      const codes = answer.errors.map((error) => error.extensions?.code)
      if (codes.includes('THROTTLED')) throw new ShopifyThrottledError(errorText(answer)!, cost)
      if (codes.includes('ACCESS_DENIED')) throw new ShopifyRefusedError(403, errorText(answer)!)
      throw new ShopifyQueryError(`Shopify could not run the query: ${errorText(answer)}`)
    }
    return { data: answer.data, cost }
  }
}

function parseAnswer(text: string): z.infer<typeof answerSchema> | undefined {
  try {
    const parsed = answerSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

function errorText(answer: z.infer<typeof answerSchema> | undefined): string | undefined {
  const errors = answer?.errors
  if (errors === undefined) return undefined
  return typeof errors === 'string' ? errors : errors.map((error) => error.message).join('; ')
}
