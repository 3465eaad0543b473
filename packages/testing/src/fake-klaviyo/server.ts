import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { adminRoute } from './admin.ts'
import { type FakeFault, FaultPlan, type FaultRuleInput } from './faults.ts'
import { handlers, notFound } from './handlers.ts'
import { type FakeRateLimit, SlidingWindowRateLimiter } from './rate-limit.ts'
import { type KlaviyoSpec, loadKlaviyoSpec, type SpecProblem } from './spec.ts'
import { DuplicateProfileError, FakeKlaviyoState } from './state.ts'

/** How to start a fake Klaviyo. */
export interface FakeKlaviyoOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number
  host?: string
  /** Private API keys accepted; by default any key that starts with `pk_`. */
  apiKeys?: string[]
  /**
   * Per-account limits: `'spec'` (default) enforces each endpoint's published `x-klaviyo-ratelimit`,
   * `false` none, an object overrides chosen operations (`{ create_event: {...} }`) on top of the spec.
   */
  rateLimits?: 'spec' | false | Record<string, FakeRateLimit>
  /** Whether the account has the live Crosswise flow (`crosswiseFlow`) from the start. Default true. */
  crosswiseFlow?: boolean
}

/** One request the fake answered (or left hanging), for assertions and benchmarks. */
export interface RecordedRequest {
  operationId: string
  method: string
  path: string
  status: number | 'hang'
  at: number
}

/** A running fake Klaviyo: its URL, state, request log and the controls tests use. */
export interface FakeKlaviyo {
  /** `http://127.0.0.1:<port>`, to use as the SDK's `basePath`. */
  url: string
  state: FakeKlaviyoState
  requests: RecordedRequest[]
  /** Answers of the fake that broke the spec (a bug in the fake); tests assert this stays empty. */
  specViolations: string[]
  /** Makes the next matching requests fail: 429 with Retry-After, 5xx, a 4xx refusal, slow or hanging. */
  injectFault(rule: FaultRuleInput): void
  clearFaults(): void
  close(): Promise<void>
}

const jsonApi = 'application/vnd.api+json'
const maxBodyBytes = 5 * 1024 * 1024

/** Starts a fake Klaviyo on 127.0.0.1 that validates requests against Klaviyo's OpenAPI spec. */
export async function startFakeKlaviyo(options: FakeKlaviyoOptions = {}): Promise<FakeKlaviyo> {
  const spec = loadKlaviyoSpec()
  const state = new FakeKlaviyoState({ crosswiseFlow: options.crosswiseFlow ?? true })
  const faults = new FaultPlan()
  const limiter = new SlidingWindowRateLimiter()
  const requests: RecordedRequest[] = []
  const specViolations: string[] = []
  const limitFor = (operationId: string, fromSpec: FakeRateLimit): FakeRateLimit | undefined => {
    if (options.rateLimits === false) return undefined
    if (options.rateLimits && options.rateLimits !== 'spec') return options.rateLimits[operationId] ?? fromSpec
    return fromSpec
  }
  let origin = ''
  const fake: FakeKlaviyo = {
    url: '',
    state,
    requests,
    specViolations,
    injectFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      specViolations.push(`fake crashed: ${String(error)}`)
      if (!res.headersSent) send(res, 500, errorBody(500, 'error', 'A server error occurred.', String(error)))
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    const method = req.method ?? 'GET'
    const raw = await readBody(req)
    if (url.pathname.startsWith('/__admin/')) {
      const answer = adminRoute(fake, method, url.pathname, raw)
      return send(res, answer.status, answer.body, 'application/json')
    }
    const route = spec.find(method, url.pathname)
    if (!route) return send(res, 404, notFound(`${method} ${url.pathname} is not served by the fake.`).body)
    const { operation } = route
    const log = (status: RecordedRequest['status']): void => {
      requests.push({ operationId: operation.operationId, method, path: url.pathname, status, at: Date.now() })
    }
    const reply = (status: number, body?: unknown, headers: Record<string, string> = {}): void => {
      log(status)
      send(res, status, body, jsonApi, headers)
    }

    const denied = checkHeaders(req, spec, options.apiKeys)
    if (denied) return reply(denied.status, denied.body)

    const fault = faults.take(operation.operationId, raw.toString('utf8'))
    if (fault?.kind === 'hang') return log('hang')
    if (fault?.kind === 'slow') await sleep(fault.delayMs)
    if (fault && fault.kind !== 'slow') return replyFault(fault, reply)

    const limit = limitFor(operation.operationId, operation.rateLimit)
    const key = `${req.headers.authorization}|${operation.operationId}`
    const admitted = limit ? limiter.admit(key, limit, Date.now()) : { admitted: true as const }
    if (!admitted.admitted) {
      const detail = `Request was throttled. Expected available in ${admitted.retryAfterSeconds} second.`
      return reply(429, errorBody(429, 'throttled', 'Request was throttled.', detail), {
        'Retry-After': String(admitted.retryAfterSeconds),
      })
    }

    let body: unknown
    try {
      body = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined
    } catch {
      return reply(400, errorBody(400, 'invalid', 'Invalid input.', 'The request body is not valid JSON.'))
    }
    const queryCheck = operation.checkQuery(url.searchParams)
    const problems = [...queryCheck.problems, ...(body === undefined ? [] : operation.checkBody(body))]
    if (body === undefined && operation.method === 'POST') problems.push({ pointer: '/', detail: 'A request body is required.' })
    if (problems.length > 0) return reply(400, invalid(problems))

    let result
    try {
      result = handlers[operation.operationId]!(state, {
        params: route.params,
        query: url.searchParams,
        filter: queryCheck.filter,
        body,
        origin,
      })
    } catch (error) {
      if (!(error instanceof DuplicateProfileError)) throw error
      return reply(409, errorBody(409, 'duplicate_profile', 'Conflict.', error.message))
    }
    if (result.body !== undefined && result.status < 300) {
      for (const problem of operation.checkResponse(result.status, result.body)) {
        specViolations.push(`${operation.operationId} ${result.status}: ${problem.detail}`)
      }
    }
    reply(result.status, result.body)
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve))
  const address = server.address() as AddressInfo
  origin = `http://${options.host ?? '127.0.0.1'}:${address.port}`
  fake.url = origin
  return fake
}

function checkHeaders(
  req: IncomingMessage,
  spec: KlaviyoSpec,
  apiKeys: string[] | undefined,
): { status: number; body: unknown } | undefined {
  const authorization = req.headers.authorization
  if (!authorization) {
    return {
      status: 401,
      body: errorBody(401, 'not_authenticated', 'Authentication credentials were not provided.', 'Missing `Authorization` header.'),
    }
  }
  const key = /^Klaviyo-API-Key (\S+)$/.exec(authorization)?.[1]
  const accepted = key !== undefined && (apiKeys ? apiKeys.includes(key) : key.startsWith('pk_'))
  if (!accepted) {
    return {
      status: 401,
      body: errorBody(401, 'authentication_failed', 'Incorrect authentication credentials.', 'The API key is not valid.'),
    }
  }
  const revision = req.headers.revision
  if (typeof revision !== 'string' || revision.length === 0) {
    return { status: 400, body: errorBody(400, 'invalid', 'Invalid input.', 'A `revision` header is required.') }
  }
  if (revision.split('.')[0] !== spec.revision) {
    return {
      status: 400,
      body: errorBody(400, 'invalid', 'Invalid input.', `Revision ${revision} is not served; the fake speaks ${spec.revision}.`),
    }
  }
  return undefined
}

function replyFault(
  fault: Exclude<FakeFault, { kind: 'slow' | 'hang' }>,
  reply: (status: number, body?: unknown, headers?: Record<string, string>) => void,
): void {
  if (fault.kind === 'rate-limit') {
    const detail = `Request was throttled. Expected available in ${fault.retryAfterSeconds} second.`
    return reply(429, errorBody(429, 'throttled', 'Request was throttled.', detail), { 'Retry-After': String(fault.retryAfterSeconds) })
  }
  if (fault.kind === 'rejected') return reply(fault.status, errorBody(fault.status, 'invalid', 'Invalid input.', fault.detail))
  reply(fault.status, errorBody(fault.status, 'error', 'A server error occurred.', 'Injected server error.'))
}

function invalid(problems: SpecProblem[]): unknown {
  return {
    errors: problems.map((problem) => ({
      id: randomUUID(),
      status: 400,
      code: 'invalid',
      title: 'Invalid input.',
      detail: problem.detail,
      source: problem.parameter ? { parameter: problem.parameter } : { pointer: problem.pointer ?? '/' },
    })),
  }
}

/** A JSON:API error document shaped like Klaviyo's. */
function errorBody(status: number, code: string, title: string, detail: string): unknown {
  return { errors: [{ id: randomUUID(), status, code, title, detail, source: { pointer: '/data/' } }] }
}

function send(res: ServerResponse, status: number, body: unknown, type = jsonApi, headers: Record<string, string> = {}): void {
  if (body === undefined) {
    res.writeHead(status, headers).end()
    return
  }
  res.writeHead(status, { 'Content-Type': type, ...headers }).end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBodyBytes) throw new Error('request body over 5 MB')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}
