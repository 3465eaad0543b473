import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { z } from 'zod'

/** The body of every 4xx/5xx answer: a machine code, a sentence, and per-field issues for 400s. */
export const problemSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
})
export type Problem = z.infer<typeof problemSchema>

/** The 404 of every admin route about a store that does not exist. */
export const storeNotFound = (storeId: string): Problem => ({ error: 'store_not_found', message: `No store '${storeId}'.` })

/** `body` + `/lineItems/0/quantity` → `body.lineItems[0].quantity`. */
function fieldName(part: string, instancePath: string): string {
  const segments = instancePath.split('/').filter(Boolean)
  return part + segments.map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `.${segment}`)).join('')
}

/** The 400 of a body with text that cannot be stored: a NUL character or a lone surrogate. */
export const unstorableText = (field: string): Problem => ({
  error: 'invalid_request',
  message: `${field}: must not contain NUL characters or unpaired surrogates`,
  issues: [{ field, message: 'must not contain NUL characters or unpaired surrogates' }],
})

// PostgreSQL's classes of errors about the data itself (22: data exception; 54000: a value too large
// for an index): validation should have caught them, so they are the client's, not ours.
const isDataError = (error: unknown) => /^(22[0-9A-Z]{3}|54000)$/.test(String((error as { code?: unknown }).code))

/** Turns validation, parsing and size errors into clear 4xx answers; anything else is a logged 500. */
export function replyWithProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'body'
    const issues = error.validation.map((issue) => ({
      field: fieldName(part, issue.instancePath),
      message: issue.message ?? 'is invalid',
    }))
    const first = issues[0]
    void reply.code(400).send({
      error: 'invalid_request',
      message: first ? `${first.field}: ${first.message}` : 'The request does not match the schema.',
      issues,
    } satisfies Problem)
    return
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    const codes: Record<string, string> = {
      FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
      FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
      FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
      FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
    }
    void reply.code(status).send({
      error: codes[error.code] ?? (error.code === undefined ? 'bad_request' : error.code.toLowerCase()),
      message: error.message,
    } satisfies Problem)
    return
  }
  if (isDataError(error)) {
    request.log.warn({ err: error }, 'input the validation let through was refused by PostgreSQL')
    void reply.code(400).send({ error: 'invalid_value', message: 'A value is malformed or out of range.' } satisfies Problem)
    return
  }
  request.log.error({ err: error }, 'request failed')
  void reply.code(500).send({ error: 'internal_error', message: 'Something went wrong; the request was not completed.' } satisfies Problem)
}

/** `body` + `['line_items', 0, 'price']` → `body.line_items[0].price`. */
function pathName(part: string, path: readonly PropertyKey[]): string {
  return part + path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')
}

/** The 400 answer for a body that failed a schema checked in a handler (webhooks parse their own bodies). */
export function invalidRequest(part: string, issues: readonly z.core.$ZodIssue[]): Problem {
  const named = issues.map((issue) => ({ field: pathName(part, issue.path), message: issue.message }))
  const first = named[0]
  return {
    error: 'invalid_request',
    message: first ? `${first.field}: ${first.message}` : 'The request does not match the schema.',
    issues: named,
  }
}
