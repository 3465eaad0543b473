import { describe, expect, it } from 'vitest'
import { engagementFilter, toEngagementEvent } from './engagement.ts'

describe('engagementFilter', () => {
  it('filters by metric, profile and time with the operators get_events allows', () => {
    expect(engagementFilter('Mtr1', 'Prf1', new Date('2026-07-15T10:00:00Z'))).toBe(
      'equals(metric_id,"Mtr1"),equals(profile_id,"Prf1"),greater-or-equal(datetime,2026-07-15T10:00:00.000Z)',
    )
  })
})

describe('toEngagementEvent', () => {
  it("keeps the flow, message and clicked link from Klaviyo's event properties", () => {
    const event = {
      id: 'E1',
      attributes: {
        datetime: new Date('2026-07-16T08:30:00Z'),
        eventProperties: { $flow: 'F1', $message: 'M1', URL: 'https://shop.example/cups', Subject: 'Hi' },
      },
    }
    expect(toEngagementEvent('clicked', event)).toEqual({
      id: 'E1',
      kind: 'clicked',
      at: '2026-07-16T08:30:00.000Z',
      flowId: 'F1',
      messageId: 'M1',
      url: 'https://shop.example/cups',
    })
  })

  it('leaves out what the event does not carry', () => {
    const event = { id: 'E2', attributes: { datetime: '2026-07-16T08:30:00Z', eventProperties: {} } }
    expect(toEngagementEvent('opened', event)).toEqual({ id: 'E2', kind: 'opened', at: '2026-07-16T08:30:00.000Z' })
  })
})
