import { describe, expect, it } from 'vitest'
import { guestCustomerId } from './guest-customer-id.ts'

describe('guestCustomerId', () => {
  it('gives one guest the same id every time, and names no email', () => {
    const id = guestCustomerId('acme', 'ada@example.com')
    expect(id).toMatch(/^guest:[0-9a-f]{32}$/)
    expect(guestCustomerId('acme', 'ada@example.com')).toBe(id)
    expect(id).not.toContain('ada')
  })

  it('keeps guests apart by email and by store', () => {
    const id = guestCustomerId('acme', 'ada@example.com')
    expect(guestCustomerId('acme', 'bo@example.com')).not.toBe(id)
    expect(guestCustomerId('brewline', 'ada@example.com')).not.toBe(id)
  })
})
