import { describe, expect, it } from 'vitest'
import { decideEmailConsent, withOrderConsent } from './consent.ts'

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

describe('withOrderConsent', () => {
  const noProfile = decideEmailConsent(undefined, implicit)
  const notSubscribed = decideEmailConsent({ canReceiveEmailMarketing: true, consent: 'NEVER_SUBSCRIBED' }, explicit)

  it('lets the consent an order brought decide for a customer Klaviyo has no profile or no opt-in for', () => {
    expect(withOrderConsent(noProfile, true)).toMatchObject({ canSend: true, reason: 'order-consent', source: 'order' })
    expect(withOrderConsent(notSubscribed, true)).toMatchObject({ canSend: true, reason: 'order-consent', source: 'order' })
  })

  it("keeps Klaviyo's answer when the order brought no consent", () => {
    for (const order of [false, null, undefined]) {
      expect(withOrderConsent(noProfile, order)).toMatchObject({ canSend: false, reason: 'no-profile', source: 'klaviyo' })
      expect(withOrderConsent(notSubscribed, order)).toMatchObject({ canSend: false, reason: 'opt-in-required', source: 'klaviyo' })
    }
  })

  it('never overrides a suppression or an unsubscribe: they may have come after the order', () => {
    const suppressed = decideEmailConsent(
      { canReceiveEmailMarketing: false, consent: 'SUBSCRIBED', suppression: [{ reason: 'SPAM_COMPLAINT' }] },
      implicit,
    )
    const unsubscribed = decideEmailConsent({ canReceiveEmailMarketing: false, consent: 'UNSUBSCRIBED' }, implicit)
    expect(withOrderConsent(suppressed, true)).toMatchObject({ canSend: false, reason: 'suppressed', source: 'klaviyo' })
    expect(withOrderConsent(unsubscribed, true)).toMatchObject({ canSend: false, reason: 'cannot-receive', source: 'klaviyo' })
  })

  it('says Klaviyo decided when its profile already allows the email', () => {
    const subscribed = decideEmailConsent({ canReceiveEmailMarketing: true, consent: 'SUBSCRIBED' }, explicit)
    expect(withOrderConsent(subscribed, false)).toMatchObject({ canSend: true, reason: 'subscribed', source: 'klaviyo' })
  })
})
