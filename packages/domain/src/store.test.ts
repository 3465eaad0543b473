import { describe, expect, it } from 'vitest'
import { shopDomainSchema, storeIdSchema, storeSettingsSchema } from './store.ts'

describe('storeSettingsSchema', () => {
  it('defaults currency and time zone and keeps the policy unset', () => {
    expect(storeSettingsSchema.parse({ name: 'Acme' })).toEqual({ name: 'Acme', currency: 'USD', timeZone: 'UTC' })
  })

  it('fills a partial policy with its defaults', () => {
    const settings = storeSettingsSchema.parse({ name: 'Acme', policy: { segments: { vipMinSpend: 1000, vipMinOrders: 3 } } })
    expect(settings.policy?.segments).toEqual({ vipMinSpend: 1000, vipMinOrders: 3 })
    expect(settings.policy?.maxEmailsPerJourney).toBe(2)
  })

  it('names an unknown time zone and a bad shop domain', () => {
    const result = storeSettingsSchema.safeParse({
      name: 'Acme',
      timeZone: 'Mars/Olympus',
      shopify: { domain: 'acme.com', webhookSecret: 'x'.repeat(32) },
    })
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['timeZone', 'shopify.domain'])
  })
})

describe('store ids and shop domains', () => {
  it('accepts slugs only', () => {
    expect(storeIdSchema.safeParse('acme-eu-2').success).toBe(true)
    expect(storeIdSchema.safeParse('Acme EU').success).toBe(false)
  })

  it('lower-cases a shop domain', () => {
    expect(shopDomainSchema.parse('Acme-Shop.myshopify.com')).toBe('acme-shop.myshopify.com')
  })
})
