import type { LedgerEntry } from '@crosswise/db'
import { describe, expect, it } from 'vitest'
import { ledgerTable } from './sends.ts'

const entry = (overrides: Partial<LedgerEntry>): LedgerEntry => ({
  sendKey: 'demo:1001:email-1',
  storeId: 'demo',
  customerId: '12347',
  orderId: '1001',
  step: 'email-1',
  kind: 'first',
  pairingId: 'mined:851230001:21733',
  pairingSource: 'mined',
  productIds: ['21733'],
  status: 'sent',
  reason: null,
  channel: 'outbox',
  profileId: 'crosswise:demo:12347',
  sentAt: new Date('2026-12-05T17:10:03.412Z'),
  experimentId: null,
  segment: null,
  variantId: null,
  pick: null,
  consentSource: 'klaviyo',
  ...overrides,
})

describe('ledgerTable', () => {
  it('lines up one row per email or refusal under its titles', () => {
    const table = ledgerTable([
      entry({}),
      entry({ customerId: '1', status: 'held-out', kind: null, pairingId: null, pairingSource: null, channel: null, sentAt: null }),
      entry({ customerId: '2', consentSource: 'order' }),
    ])
    expect(table.split('\n')).toEqual([
      'sent at              customer  order  email          status    source  pairing                channel  consent',
      '2026-12-05 17:10:03  12347     1001   email-1 first  sent      mined   mined:851230001:21733  outbox   klaviyo',
      '                     1         1001   email-1        held-out                                          klaviyo',
      '2026-12-05 17:10:03  2         1001   email-1 first  sent      mined   mined:851230001:21733  outbox   order',
      '',
    ])
  })
})
