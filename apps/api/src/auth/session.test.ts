import { describe, expect, it } from 'vitest'
import { cookieValue, SessionSigner, sessionLifetimeMs } from './session.ts'

describe('SessionSigner', () => {
  it('gives back the scope of its own sessions until they expire', () => {
    let now = 1_000
    const signer = new SessionSigner('admin-token', () => now)
    const admin = signer.issue({ kind: 'admin' })
    const store = signer.issue({ kind: 'store', storeId: 'acme' })
    expect(signer.verify(admin)).toEqual({ kind: 'admin' })
    expect(signer.verify(store)).toEqual({ kind: 'store', storeId: 'acme' })
    now += sessionLifetimeMs
    expect(signer.verify(admin)).toBeUndefined()
  })

  it('refuses altered, foreign and malformed cookies', () => {
    const signer = new SessionSigner('admin-token')
    const [body, signature] = signer.issue({ kind: 'store', storeId: 'acme' }).split('.')
    const forged = Buffer.from(JSON.stringify({ scope: { kind: 'admin' }, expiresAt: Date.now() + 60_000 })).toString('base64url')
    expect(signer.verify(`${forged}.${signature}`)).toBeUndefined()
    expect(new SessionSigner('another-token').verify(`${body}.${signature}`)).toBeUndefined()
    for (const bad of [undefined, '', 'x', 'a.b.c', `${body}.`, `.${signature}`]) expect(signer.verify(bad)).toBeUndefined()
  })
})

describe('cookieValue', () => {
  it('finds one cookie among others', () => {
    expect(cookieValue('a=1; crosswise_session=abc.def; b=2', 'crosswise_session')).toBe('abc.def')
    expect(cookieValue('a=1', 'crosswise_session')).toBeUndefined()
    expect(cookieValue(undefined, 'a')).toBeUndefined()
  })
})
