import { createHash, randomBytes } from 'node:crypto'

/** A new store API token: `cw_` and 32 random bytes, base64url. Shown once; only its hash is kept. */
export function generateApiToken(): string {
  return `cw_${randomBytes(32).toString('base64url')}`
}

/** SHA-256 (hex) of a token: what the database stores and looks tokens up by. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1]
}
