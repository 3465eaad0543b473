// Activities that answer from a per-journey script and record every call, so journey tests read as
// behaviour: what the customer did, what the journey asked, and when.
import { journeyPolicySchema, type JourneyPolicyInput, type Segment } from '@crosswise/domain'
import { Context } from '@temporalio/activity'
import { ApplicationFailure } from '@temporalio/common'
import type { Engagement, JourneyActivities, PairingPick, SendCheck } from '../src/index.ts'

export const day = 24 * 60 * 60 * 1000
export const hour = 60 * 60 * 1000

/** What the scripted activities answer for one journey; queues are consumed call by call. */
export interface Script {
  policy?: JourneyPolicyInput
  segment?: Segment
  timeZone?: string
  redacted?: boolean
  /** Answers of checkBeforeSend, in order; `clear` once exhausted. */
  checks?: SendCheck[]
  /** Answers of pickPairing, in order; a fresh pairing once exhausted. */
  pairings?: Array<PairingPick | null>
  /** Answers of fetchEngagement, in order; no engagement once exhausted. */
  engagement?: Engagement[]
  /** Make sendRecommendation fail for good. */
  sendRejected?: boolean
  /** Make checkBeforeSend fail for good with this failure type (`KlaviyoRejectedError`: a refused key). */
  checkFailure?: string
  /** Make fetchEngagement fail for good with this failure type. */
  engagementFailure?: string
}

/** One activity call as the journey made it, with the server's time. */
export interface Call {
  name: keyof JourneyActivities
  input: Record<string, unknown>
  atMs: number
}

/** A pairing whose products are `{id}-a` and `{id}-b`. */
export function pairing(id: string): PairingPick {
  return { pairingId: id, source: 'manual', triggerProductId: 'p1', productIds: [`${id}-a`, `${id}-b`] }
}

/** Zero waits everywhere except where a test sets them; the window is the whole day. */
export const instantPolicy: JourneyPolicyInput = {
  delayMs: { 'first-time': 0, repeat: 0, vip: 0 },
  sendWindow: { startHour: 0, endHour: 24 },
  frequencyCap: { maxEmails: 10, windowMs: day, minGapMs: 0 },
  holdoutShare: 0,
  engagement: { waitMs: 0, followUpDelayMs: 0, pollIntervalMs: day },
}

/** Scripts by workflow id, and the calls each journey made. */
export class ScriptedActivities {
  private readonly scripts = new Map<string, Script & { pairingCount: number }>()
  private readonly calls = new Map<string, Call[]>()

  /** `now` reads the server's clock (the test server's skipped time, or the wall clock). */
  constructor(private readonly now: () => Promise<number>) {}

  script(workflowId: string, script: Script): void {
    this.scripts.set(workflowId, { ...script, pairingCount: 0 })
    this.calls.set(workflowId, [])
  }

  callsOf(workflowId: string, name?: keyof JourneyActivities): Call[] {
    return (this.calls.get(workflowId) ?? []).filter((call) => name === undefined || call.name === name)
  }

  activities(): JourneyActivities {
    const record = async (name: keyof JourneyActivities, input: object) => {
      const workflowId = Context.current().info.workflowExecution!.workflowId
      const script = this.scripts.get(workflowId)!
      this.calls.get(workflowId)!.push({ name, input: input as Record<string, unknown>, atMs: await this.now() })
      return script
    }
    const pick = async (input: object) => {
      const script = await record('pickPairing', input)
      if (script.pairings && script.pairings.length > 0) return script.pairings.shift()!
      script.pairingCount += 1
      return pairing(`pairing-${script.pairingCount}`)
    }
    return {
      loadJourney: async (input) => {
        const script = await record('loadJourney', input)
        return {
          policy: journeyPolicySchema.parse(script.policy ?? instantPolicy),
          segment: script.segment ?? 'first-time',
          timeZone: script.timeZone ?? 'UTC',
          redacted: script.redacted ?? false,
        }
      },
      checkBeforeSend: async (input) => {
        const script = await record('checkBeforeSend', input)
        if (script.checkFailure)
          throw ApplicationFailure.nonRetryable('Klaviyo rejected GET /api/profiles with 401: invalid API key', script.checkFailure)
        const check = script.checks?.shift() ?? { verdict: 'clear' }
        // A pick asked of the guards is recorded as one, as if the journey had asked for it apart.
        if (check.verdict !== 'clear' || !input.pick) return check
        const { storeId, customerId, orderId } = input
        return { ...check, pairing: await pick({ storeId, customerId, orderId, ...input.pick }) }
      },
      pickPairing: pick,
      sendRecommendation: async (input) => {
        const script = await record('sendRecommendation', input)
        if (script.sendRejected) throw ApplicationFailure.nonRetryable('Klaviyo rejected the event', 'KlaviyoRejectedError')
        return { status: 'sent', sentAt: new Date(await this.now()).toISOString() }
      },
      fetchEngagement: async (input) => {
        const script = await record('fetchEngagement', input)
        if (script.engagementFailure)
          throw ApplicationFailure.nonRetryable(
            'Klaviyo rejected GET /api/events with 403: API key lacks the events:read scope',
            script.engagementFailure,
          )
        return script.engagement?.shift() ?? { opened: false, clicked: false, purchased: false }
      },
      recordConversion: async (input) => {
        await record('recordConversion', input)
      },
    }
  }
}
