import { describe, expect, it } from 'vitest'
import { decideEmailConsent } from './consent.ts'

const implicit = { requireExplicitOptIn: false }
const explicit = { requireExplicitOptIn: true }

describe('decideEmailConsent', () => {
  it('sends to a purchaser who never opted in when the store allows it', () => {
    const facts = { canReceiveEmailMarketing: true, consent: 'NEVER_SUBSCRIBED' }
    expect(decideEmailConsent(facts, implicit)).toMatchObject({ canSend: true, reason: 'never-subscribed' })
  })

  it('requires SUBSCRIBED when the store demands an explicit opt-in', () => {
    const facts = { canReceiveEmailMarketing: true, consent: 'NEVER_SUBSCRIBED' }
    expect(decideEmailConsent(facts, explicit)).toMatchObject({ canSend: false, reason: 'opt-in-required' })
    expect(decideEmailConsent({ ...facts, consent: 'SUBSCRIBED' }, explicit)).toMatchObject({ canSend: true, reason: 'subscribed' })
  })

  it('never sends to a suppressed or unreachable profile, even if subscribed', () => {
    const suppressed = { canReceiveEmailMarketing: false, consent: 'SUBSCRIBED', suppression: [{ reason: 'HARD_BOUNCE' }] }
    expect(decideEmailConsent(suppressed, implicit)).toEqual({
      canSend: false,
      reason: 'suppressed',
      consent: 'SUBSCRIBED',
      suppressions: ['HARD_BOUNCE'],
    })
    const unsubscribed = { canReceiveEmailMarketing: false, consent: 'UNSUBSCRIBED' }
    expect(decideEmailConsent(unsubscribed, implicit)).toMatchObject({ canSend: false, reason: 'cannot-receive' })
  })

  it('does not send without a profile', () => {
    expect(decideEmailConsent(undefined, implicit)).toMatchObject({ canSend: false, reason: 'no-profile', consent: null })
  })
})
