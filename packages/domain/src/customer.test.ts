import { describe, expect, it } from 'vitest'
import { customerSchema, redactedEmail } from './customer.ts'

describe('customers', () => {
  it('normalises the email so a guest and an account match', () => {
    const guest = customerSchema.parse({ email: ' Ada@Example.COM ' })
    expect(guest.email).toBe('ada@example.com')
  })

  it('redacts to an undeliverable address that names nobody', () => {
    expect(redactedEmail('r1')).toBe('redacted+r1@redacted.invalid')
  })
})
