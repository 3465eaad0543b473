import { describe, expect, it } from 'vitest'
import { guestCustomerId } from './guest-customer-id.ts'

const key = 'f3a1c0de5b7e4d2a9c8b6a5f4e3d2c1b0a9f8e7d6c5b4a39'

describe('guestCustomerId', () => {
  it('gives one guest the same id every time, and names no email', () => {
    const id = guestCustomerId('acme', 'ada@example.com', key)
    expect(id).toMatch(/^guest:[0-9a-f]{32}$/)
    expect(guestCustomerId('acme', 'ada@example.com', key)).toBe(id)
    expect(id).not.toContain('ada')
  })

  it('keeps guests apart by email, by store and by key: an email alone does not give the id', () => {
    const id = guestCustomerId('acme', 'ada@example.com', key)
    expect(guestCustomerId('acme', 'bo@example.com', key)).not.toBe(id)
    expect(guestCustomerId('brewline', 'ada@example.com', key)).not.toBe(id)
    expect(guestCustomerId('acme', 'ada@example.com', `${key}0`)).not.toBe(id)
    // A store from before keys keeps the ids its guests have.
    expect(guestCustomerId('acme', 'ada@example.com', null)).toBe('guest:3925ccfb58c5af813dbf24da25b55261')
  })
})
