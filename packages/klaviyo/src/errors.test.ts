import { describe, expect, it } from 'vitest'
import { classifyKlaviyoFailure, KlaviyoRejectedError, KlaviyoRetryableError, parseRetryAfter } from './errors.ts'

const context = { endpoint: 'POST /api/events', timedOut: false, timeoutMs: 5_000, nowMs: Date.parse('2026-07-15T10:00:00Z') }

function httpError(status: number, headers: Record<string, unknown> = {}, data: unknown = undefined): unknown {
  return { isAxiosError: true, message: `status ${status}`, response: { status, headers, data } }
}

describe('parseRetryAfter', () => {
  it('reads delta seconds', () => {
    expect(parseRetryAfter('3', context.nowMs)).toBe(3_000)
    expect(parseRetryAfter(['1.5'], context.nowMs)).toBe(1_500)
  })

  it('reads an HTTP date relative to now and never goes negative', () => {
    expect(parseRetryAfter('Wed, 15 Jul 2026 10:00:07 GMT', context.nowMs)).toBe(7_000)
    expect(parseRetryAfter('Wed, 15 Jul 2026 09:59:00 GMT', context.nowMs)).toBe(0)
  })

  it('gives undefined for absent or unreadable values', () => {
    expect(parseRetryAfter(undefined, context.nowMs)).toBeUndefined()
    expect(parseRetryAfter('soon', context.nowMs)).toBeUndefined()
  })
})

describe('classifyKlaviyoFailure', () => {
  it('makes a 429 retryable with the Retry-After wait', () => {
    const error = classifyKlaviyoFailure(httpError(429, { 'retry-after': '2' }), context)
    expect(error).toBeInstanceOf(KlaviyoRetryableError)
    expect(error).toMatchObject({ retryable: true, reason: 'rate-limited', status: 429, retryAfterMs: 2_000 })
  })

  it.each([500, 502, 503, 504])('makes a %i retryable', (status) => {
    expect(classifyKlaviyoFailure(httpError(status), context)).toMatchObject({ retryable: true, reason: 'server-error', status })
  })

  it('makes a network failure and our own timeout retryable', () => {
    const reset = { isAxiosError: true, code: 'ECONNRESET', message: 'socket hang up' }
    expect(classifyKlaviyoFailure(reset, context)).toMatchObject({ retryable: true, reason: 'network' })
    expect(classifyKlaviyoFailure(new Error('canceled'), { ...context, timedOut: true })).toMatchObject({
      retryable: true,
      reason: 'timeout',
    })
  })

  it("makes other 4xx final and keeps Klaviyo's detail", () => {
    const body = {
      errors: [
        {
          id: 'x',
          code: 'invalid',
          title: 'Invalid input.',
          detail: "'email' is not valid",
          source: { pointer: '/data/attributes/email' },
        },
      ],
    }
    const error = classifyKlaviyoFailure(httpError(400, {}, body), context)
    expect(error).toBeInstanceOf(KlaviyoRejectedError)
    expect(error).toMatchObject({
      retryable: false,
      status: 400,
      details: [{ code: 'invalid', detail: "'email' is not valid", pointer: '/data/attributes/email' }],
    })
    expect((error as Error).message).toContain("'email' is not valid")
  })

  it('passes through errors that are not HTTP failures', () => {
    const bug = new TypeError('x is undefined')
    expect(classifyKlaviyoFailure(bug, context)).toBe(bug)
  })
})
