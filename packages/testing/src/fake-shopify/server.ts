import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { FaultPlan, type FaultRuleInput } from '../fake-klaviyo/faults.ts'
import { FakeShopifyCatalogue, type FakeShopifyProduct, type FakeShopifyProductInput } from './catalogue.ts'
import { CostBucket, type CostBucketLimits } from './cost-bucket.ts'
import { FakeGraphqlError, project, requestedCost } from './execute.ts'
import { GraphqlSyntaxError, parseOperation } from './graphql.ts'

/** How to start a fake Shopify Admin API. */
export interface FakeShopifyOptions {
  /** Products the shop starts with. */
  products?: FakeShopifyProductInput[]
  /** The only access token accepted (`X-Shopify-Access-Token`); default `shpat_fake`. */
  accessToken?: string
  /** Default `fake-shop.myshopify.com`; only used in answers (`shop`, `onlineStoreUrl`). */
  shopDomain?: string
  shopName?: string
  currencyCode?: string
  /** The query-cost bucket; default Shopify's standard plan, 2,000 points restoring 100 a second. */
  bucket?: CostBucketLimits
  /** Largest requested cost of one query; default Shopify's 1,000. */
  maxQueryCost?: number
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number
}

/** One request the fake answered, for assertions. */
export interface FakeShopifyRequest {
  /** The operation's name (`CrosswiseCatalogue`), else its first root field. */
  operation: string
  status: number | 'hang'
  /** Refused with `THROTTLED` because the bucket held less than the requested cost. */
  throttled: boolean
  requestedCost?: number
  actualCost?: number
  /** Points in the bucket when the request arrived. */
  availableBefore?: number
  variables: Record<string, unknown>
  at: number
}

/** A running fake Shopify Admin API: its address, catalogue, request log and the controls tests use. */
export interface FakeShopify {
  /** `http://127.0.0.1:<port>`: the Admin API origin to use instead of `https://{shop}`. */
  url: string
  shopDomain: string
  accessToken: string
  catalogue: FakeShopifyCatalogue
  requests: FakeShopifyRequest[]
  /** Adds or replaces a product (`updatedAt` defaults to now). */
  setProduct(product: FakeShopifyProductInput): FakeShopifyProduct
  /** Deletes a product; returns whether it existed. */
  deleteProduct(id: string | number): boolean
  /** Empties the query-cost bucket, as another app spending the shop's budget would. */
  drainBucket(): void
  /**
   * Makes the next matching requests fail: `server-error` (a 5xx), `rate-limit` (HTTP 429),
   * `rejected` (a 4xx), `slow` or `hang`. `operationId` matches the operation's name.
   */
  injectFault(rule: FaultRuleInput): void
  close(): Promise<void>
}

const invalidToken = '[API] Invalid API key or access token (unrecognized login or wrong password)'
const graphqlPath = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/graphql\.json$/
const maxBodyBytes = 1024 * 1024

/**
 * Starts a fake Shopify Admin GraphQL API on 127.0.0.1, for the catalogue sync's tests and demos. It
 * answers `shop`, `products(first, after, sortKey: ID)` and `product(id)` with Shopify's shapes,
 * projected onto the query's selection (a field Shopify would not know is an error), with opaque
 * cursors and `extensions.cost` on every answer. Its leaky bucket really throttles: a query whose
 * requested cost exceeds what the bucket holds is answered `THROTTLED` and not run. A wrong token
 * gets Shopify's 401.
 */
export async function startFakeShopify(options: FakeShopifyOptions = {}): Promise<FakeShopify> {
  const shopDomain = options.shopDomain ?? 'fake-shop.myshopify.com'
  const accessToken = options.accessToken ?? 'shpat_fake'
  const catalogue = new FakeShopifyCatalogue(shopDomain, options.shopName ?? 'Fake Shop', options.currencyCode ?? 'EUR')
  for (const product of options.products ?? []) catalogue.setProduct(product)
  const bucket = new CostBucket(options.bucket ?? { maximumAvailable: 2_000, restoreRate: 100 }, Date.now())
  const maxQueryCost = options.maxQueryCost ?? 1_000
  const faults = new FaultPlan()
  const requests: FakeShopifyRequest[] = []

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { errors: `fake Shopify crashed: ${String(error)}` })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname
    const raw = await readBody(req)
    if (req.method !== 'POST' || !graphqlPath.test(path)) return send(res, 404, { errors: 'Not Found' })
    if (req.headers['x-shopify-access-token'] !== accessToken) return send(res, 401, { errors: invalidToken })

    let body: { query?: unknown; variables?: unknown }
    try {
      body = JSON.parse(raw.toString('utf8')) as typeof body
    } catch {
      return send(res, 400, { errors: { query: 'Required parameter missing or invalid' } })
    }
    const variables = body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : {}
    let operation
    try {
      if (typeof body.query !== 'string') throw new GraphqlSyntaxError('No query string was present')
      operation = parseOperation(body.query)
    } catch (error) {
      return send(res, 200, { errors: [{ message: (error as Error).message, extensions: { code: 'syntaxError' } }] })
    }
    const name = operation.name ?? operation.selections[0]?.name ?? 'query'
    const log = (entry: Omit<FakeShopifyRequest, 'operation' | 'variables' | 'at'>): void => {
      requests.push({ operation: name, variables, at: Date.now(), ...entry })
    }

    const fault = faults.take(name, raw.toString('utf8'))
    if (fault?.kind === 'hang') return log({ status: 'hang', throttled: false })
    if (fault?.kind === 'slow') await sleep(fault.delayMs)
    if (fault && fault.kind !== 'slow') {
      const [status, answer, headers] =
        fault.kind === 'rate-limit'
          ? [
              429,
              { errors: 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.' },
              { 'Retry-After': String(fault.retryAfterSeconds) },
            ]
          : fault.kind === 'server-error'
            ? [fault.status, { errors: 'Internal Server Error' }, {}]
            : [fault.status, { errors: fault.detail }, {}]
      log({ status, throttled: false })
      return send(res, status, answer, headers)
    }
    if (operation.kind !== 'query') {
      log({ status: 200, throttled: false })
      return send(res, 200, {
        errors: [{ message: `The fake serves queries only, not a ${operation.kind}`, extensions: { code: 'BAD_REQUEST' } }],
      })
    }

    const requested = requestedCost(operation.selections, variables)
    const now = Date.now()
    const cost = (actual: number | null) => ({
      requestedQueryCost: requested,
      actualQueryCost: actual,
      throttleStatus: bucket.status(Date.now()),
    })
    if (requested > maxQueryCost) {
      log({ status: 200, throttled: false, requestedCost: requested })
      const message = `Query cost is ${requested}, which exceeds the single query max cost limit (${maxQueryCost}).`
      return send(res, 200, {
        errors: [{ message, extensions: { code: 'MAX_COST_EXCEEDED', cost: requested, maxCost: maxQueryCost } }],
        extensions: { cost: cost(null) },
      })
    }
    let answer: { data: Record<string, unknown>; cost: number } | undefined
    let failure: FakeGraphqlError | undefined
    const taken = bucket.take(
      requested,
      () => {
        try {
          answer = project(catalogue.queryRoot(), operation.selections, variables)
          return answer.cost
        } catch (error) {
          if (!(error instanceof FakeGraphqlError)) throw error
          failure = error
          return 1
        }
      },
      now,
    )
    if (!taken.admitted) {
      log({ status: 200, throttled: true, requestedCost: requested, availableBefore: taken.availableBefore })
      const errors = [
        { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } },
      ]
      return send(res, 200, { errors, extensions: { cost: cost(null) } })
    }
    log({ status: 200, throttled: false, requestedCost: requested, actualCost: answer?.cost ?? 1, availableBefore: taken.availableBefore })
    if (failure || !answer) {
      return send(res, 200, {
        errors: [{ message: failure?.message ?? 'failed', extensions: { code: failure?.code ?? 'INTERNAL_SERVER_ERROR' } }],
        extensions: { cost: cost(1) },
      })
    }
    send(res, 200, { data: answer.data, extensions: { cost: cost(answer.cost) } })
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    shopDomain,
    accessToken,
    catalogue,
    requests,
    setProduct: (product) => catalogue.setProduct(product),
    deleteProduct: (id) => catalogue.deleteProduct(id),
    drainBucket: () => bucket.drain(Date.now()),
    injectFault: (rule) => faults.add(rule),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes) throw new Error('request body over 1 MB')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
