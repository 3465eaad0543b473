import { describe, expect, it } from 'vitest'
import {
  categoryBestSellerPairingId,
  eventKey,
  journeyWorkflowId,
  manualPairingId,
  minedPairingId,
  sendKey,
  storeBestSellerPairingId,
} from './ids.ts'

describe('ids', () => {
  it('names a journey after its store and customer', () => {
    expect(journeyWorkflowId('acme', '42')).toBe('journey:acme:42')
  })

  it('keys a send by store, order and step', () => {
    expect(sendKey('acme', '1001', 'recommendation-1')).toBe('acme:1001:recommendation-1')
  })

  it('keys a commerce event by subject, store and id', () => {
    expect(eventKey('fulfillment', 'acme', '5551')).toBe('fulfillment:acme:5551')
  })

  it('names a pick after its source and products', () => {
    expect(manualPairingId('kettle', 'tea')).toBe('manual:kettle:tea')
    expect(minedPairingId('kettle', 'tea')).toBe('mined:kettle:tea')
    expect(categoryBestSellerPairingId('Tea', 'tea')).toBe('best-seller:Tea:tea')
    expect(storeBestSellerPairingId('tea')).toBe('store-best-seller:tea')
  })
})
