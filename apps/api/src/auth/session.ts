import { createHmac, timingSafeEqual } from 'node:crypto'

/** Who a dashboard session speaks for: the operator (everything) or one store (its own pages only). */
export type SessionScope = { kind: 'admin' } | { kind: 'store'; storeId: string }

/** The session cookie's name. */
export const sessionCookie = 'crosswise_session'
/** How long a session lasts: a working day. */
export const sessionLifetimeMs = 12 * 3_600_000

const encode = (value: string) => Buffer.from(value, 'utf8').toString('base64url')

/**
 * Issues and checks dashboard sessions: `{scope and expiry}.{HMAC}` in an HTTP-only cookie, signed
 * with a key derived from the admin token, so every API process accepts the sessions of the others
 * and changing the admin token ends them all. Stateless: signing out clears the cookie; a copied
 * cookie lasts until it expires.
 */
export class SessionSigner {
  private readonly key: Buffer

  constructor(
    adminToken: string,
    private readonly now: () => number = Date.now,
  ) {
    this.key = createHmac('sha256', adminToken).update('crosswise dashboard session v1').digest()
  }

  /** A new session's cookie value. */
  issue(scope: SessionScope): string {
    const body = encode(JSON.stringify({ scope, expiresAt: this.now() + sessionLifetimeMs }))
    return `${body}.${this.sign(body)}`
  }

  /** The scope of a cookie value this signer issued and that has not expired; undefined otherwise. */
  verify(value: string | undefined): SessionScope | undefined {
    const [body, signature, ...rest] = (value ?? '').split('.')
    if (!body || !signature || rest.length > 0) return undefined
    const expected = Buffer.from(this.sign(body))
    const given = Buffer.from(signature)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
    try {
      const session = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { scope: SessionScope; expiresAt: number }
      return session.expiresAt > this.now() ? session.scope : undefined
    } catch {
      return undefined
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url')
  }
}

/** The value of one cookie in a `Cookie` header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return undefined
}
