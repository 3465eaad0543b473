import type { ConsentPolicy, EmailConsent } from './gateway.ts'

/** Whose consent decided: the Klaviyo profile's, or the one an order brought. */
export type ConsentSource = 'klaviyo' | 'order'

/** The part of Klaviyo's `subscriptions.email.marketing` the decision reads (SDK camelCase). */
export interface EmailMarketingFacts {
  canReceiveEmailMarketing: boolean
  consent: string
  /** The SDK types reasons as an enum of strings. */
  suppression?: { reason: unknown }[] | null
}

/**
 * Decides whether a recommendation email may go out. Klaviyo reports `can_receive_email_marketing`
 * true for purchasers who never opted in; where the store requires an explicit opt-in, only
 * `consent == "SUBSCRIBED"` counts. A missing profile means no consent: we never send blind.
 */
export function decideEmailConsent(marketing: EmailMarketingFacts | undefined, policy: ConsentPolicy): EmailConsent {
  if (!marketing) return { canSend: false, reason: 'no-profile', consent: null, suppressions: [] }
  const suppressions = (marketing.suppression ?? []).map((s) => String(s.reason))
  const facts = { consent: marketing.consent, suppressions }
  if (suppressions.length > 0) return { canSend: false, reason: 'suppressed', ...facts }
  if (!marketing.canReceiveEmailMarketing) return { canSend: false, reason: 'cannot-receive', ...facts }
  if (marketing.consent === 'SUBSCRIBED') return { canSend: true, reason: 'subscribed', ...facts }
  if (policy.requireExplicitOptIn) return { canSend: false, reason: 'opt-in-required', ...facts }
  return { canSend: true, reason: 'never-subscribed', ...facts }
}

/**
 * Klaviyo's answer, with the consent an order brought filling the gap where Klaviyo holds none yet: a
 * customer without a profile (the send creates it), or one never subscribed where the store requires
 * explicit consent. Klaviyo's "no" otherwise stands: a suppression or an unsubscribe, which may well
 * have come after the order, outranks it.
 */
export function withOrderConsent(
  klaviyo: EmailConsent,
  orderAcceptsMarketing: boolean | null | undefined,
): EmailConsent & { source: ConsentSource } {
  const gap = klaviyo.reason === 'no-profile' || klaviyo.reason === 'opt-in-required'
  if (!klaviyo.canSend && gap && orderAcceptsMarketing === true)
    return { ...klaviyo, canSend: true, reason: 'order-consent', source: 'order' }
  return { ...klaviyo, source: 'klaviyo' }
}
