import { describe, expect, it } from 'vitest'
import { eventKey, journeyWorkflowId, sendKey } from './ids.ts'

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
})
