import { z } from 'zod'
import { faultRuleSchema } from './faults.ts'
import type { FakeKlaviyo } from './server.ts'

const profileRef = z
  .object({ email: z.email().optional(), profileId: z.string().min(1).optional(), externalId: z.string().min(1).optional() })
  .refine((ref) => ref.email ?? ref.profileId ?? ref.externalId, 'one of email, profileId, externalId is required')

const engagementSchema = profileRef.and(
  z.object({
    kind: z.enum(['opened', 'clicked']),
    at: z.iso.datetime().optional(),
    flowId: z.string().optional(),
    messageId: z.string().optional(),
    url: z.url().optional(),
  }),
)

const consentSchema = profileRef.and(
  z.object({
    consent: z.enum(['SUBSCRIBED', 'UNSUBSCRIBED', 'NEVER_SUBSCRIBED']).optional(),
    canReceiveEmailMarketing: z.boolean().optional(),
    suppression: z.enum(['HARD_BOUNCE', 'INVALID_EMAIL', 'SPAM_COMPLAINT', 'UNSUBSCRIBE', 'USER_SUPPRESSED']).optional(),
  }),
)

/**
 * The fake's control routes under `/__admin/` (no auth, JSON bodies), for demos and other processes:
 * `POST faults`, `DELETE faults`, `POST engagement`, `POST consent`, `GET events`, `GET requests`.
 */
export function adminRoute(fake: FakeKlaviyo, method: string, path: string, raw: Buffer): { status: number; body: unknown } {
  let input: unknown
  try {
    input = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : {}
  } catch {
    return { status: 400, body: { error: 'body is not JSON' } }
  }
  const route = `${method} ${path.replace(/^\/__admin\//, '')}`
  switch (route) {
    case 'POST faults': {
      const rule = faultRuleSchema.safeParse(input)
      if (!rule.success) return { status: 400, body: { error: z.prettifyError(rule.error) } }
      fake.injectFault(rule.data)
      return { status: 201, body: { ok: true } }
    }
    case 'DELETE faults':
      fake.clearFaults()
      return { status: 200, body: { ok: true } }
    case 'POST engagement': {
      const request = engagementSchema.safeParse(input)
      if (!request.success) return { status: 400, body: { error: z.prettifyError(request.error) } }
      const { kind, at, flowId, messageId, url, ...who } = request.data
      const event = fake.state.recordEngagement({
        profile: { email: who.email, id: who.profileId, externalId: who.externalId },
        kind,
        ...(at ? { at: new Date(at) } : {}),
        ...(flowId ? { flowId } : {}),
        ...(messageId ? { messageId } : {}),
        ...(url ? { url } : {}),
      })
      return { status: 201, body: { id: event.id, profileId: event.profileId, metric: event.metricName } }
    }
    case 'POST consent': {
      const request = consentSchema.safeParse(input)
      if (!request.success) return { status: 400, body: { error: z.prettifyError(request.error) } }
      const { consent, canReceiveEmailMarketing, suppression, ...who } = request.data
      const profile = fake.state.updateEmailMarketing(
        { email: who.email, id: who.profileId, externalId: who.externalId },
        {
          ...(consent ? { consent } : {}),
          ...(canReceiveEmailMarketing === undefined ? {} : { canReceiveEmailMarketing }),
          ...(suppression ? { suppression: [{ reason: suppression, timestamp: new Date() }] } : {}),
        },
      )
      return { status: 200, body: { profileId: profile.id, marketing: profile.marketing } }
    }
    case 'GET events':
      return { status: 200, body: fake.state.events }
    case 'GET requests':
      return { status: 200, body: fake.requests }
    default:
      return { status: 404, body: { error: `no admin route ${route}` } }
  }
}
