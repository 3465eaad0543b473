// Runs crossSellJourney on the time-skipping test server against scripted activities, so each test
// reads as the behaviour it checks: what the customer did, what the journey sent, and when.
import { fileURLToPath } from 'node:url'
import { journeyPolicySchema, journeySearchAttributes, journeyWorkflowId, type JourneyPolicyInput, type Segment } from '@crosswise/domain'
import { createTimeSkippingEnvironment, uniqueId } from '@crosswise/testing'
import { Context } from '@temporalio/activity'
import { ApplicationFailure } from '@temporalio/common'
import type { TestWorkflowEnvironment } from '@temporalio/testing'
import { bundleWorkflowCode, Worker } from '@temporalio/worker'
import type { Engagement, JourneyActivities, PairingPick, SendCheck } from '../src/index.ts'
import { crossSellJourney, journeyStateQuery, orderCancelledSignal, orderFulfilledSignal, orderPlacedSignal, orderRefundedSignal } from '../src/index.ts'

// IndexedValueType numbers of the Temporal API for the kinds our attributes use.
const indexedValueType = { Keyword: 2, Int: 3, Datetime: 6 } as const

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
}

/** One activity call as the journey made it, with the test server's time. */
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

/** A time-skipping server with a worker running the journey over scripted activities. */
export class JourneyHarness {
  private readonly scripts = new Map<string, Script & { pairingCount: number }>()
  private readonly calls = new Map<string, Call[]>()
  private running: Promise<void> | undefined
  private worker: Worker | undefined
  readonly taskQueue = uniqueId('journeys')

  private constructor(readonly env: TestWorkflowEnvironment) {}

  static async start(): Promise<JourneyHarness> {
    const env = await createTimeSkippingEnvironment()
    // The test server starts without custom attributes; the journey upserts all of them.
    await env.connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: Object.fromEntries(journeySearchAttributes.map(({ name, type }) => [name, indexedValueType[type]])),
    })
    const harness = new JourneyHarness(env)
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('../src/workflows.ts', import.meta.url)),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
    })
    harness.worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: harness.taskQueue,
      workflowBundle,
      activities: harness.activities(),
    })
    harness.running = harness.worker.run()
    return harness
  }

  async stop(): Promise<void> {
    this.worker?.shutdown()
    await this.running
    await this.env.teardown()
  }

  /** A new customer's journey, scripted. */
  journey(script: Script = {}): JourneyUnderTest {
    const storeId = uniqueId('store')
    const customerId = uniqueId('customer')
    const workflowId = journeyWorkflowId(storeId, customerId)
    this.scripts.set(workflowId, { ...script, pairingCount: 0 })
    this.calls.set(workflowId, [])
    return new JourneyUnderTest(this, storeId, customerId, workflowId)
  }

  callsOf(workflowId: string, name?: keyof JourneyActivities): Call[] {
    return (this.calls.get(workflowId) ?? []).filter((call) => name === undefined || call.name === name)
  }

  private activities(): JourneyActivities {
    const record = async (name: keyof JourneyActivities, input: object) => {
      const workflowId = Context.current().info.workflowExecution!.workflowId
      const script = this.scripts.get(workflowId)!
      this.calls.get(workflowId)!.push({ name, input: input as Record<string, unknown>, atMs: Number(await this.env.currentTimeMs()) })
      return script
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
      checkBeforeSend: async (input) => (await record('checkBeforeSend', input)).checks?.shift() ?? { verdict: 'clear' },
      pickPairing: async (input) => {
        const script = await record('pickPairing', input)
        if (script.pairings && script.pairings.length > 0) return script.pairings.shift()!
        script.pairingCount += 1
        return pairing(`pairing-${script.pairingCount}`)
      },
      sendRecommendation: async (input) => {
        const script = await record('sendRecommendation', input)
        if (script.sendRejected) throw ApplicationFailure.nonRetryable('Klaviyo rejected the event', 'KlaviyoRejectedError')
        return { status: 'sent', sentAt: new Date(Number(await this.env.currentTimeMs())).toISOString() }
      },
      fetchEngagement: async (input) =>
        (await record('fetchEngagement', input)).engagement?.shift() ?? { opened: false, clicked: false, purchased: false },
      recordConversion: async (input) => {
        await record('recordConversion', input)
      },
    }
  }
}

/** One scripted customer: signal their orders and facts, then read what the journey did. */
export class JourneyUnderTest {
  /** The run the first signal started. */
  firstRunId: string | undefined

  constructor(
    private readonly harness: JourneyHarness,
    readonly storeId: string,
    readonly customerId: string,
    readonly workflowId: string,
  ) {}

  private get client() {
    return this.harness.env.client
  }

  /** Now on the test server (epoch ms). */
  async now(): Promise<number> {
    return Number(await this.harness.env.currentTimeMs())
  }

  /** Records an order the way the dispatcher does: signal-with-start. */
  async order(orderId: string, productIds: string[] = ['p1'], placedAt?: number): Promise<void> {
    const at = new Date(placedAt ?? (await this.now())).toISOString()
    await this.signalWithStart(orderPlacedSignal.name, { eventKey: `order:${orderId}`, orderId, placedAt: at, productIds })
  }

  async fulfil(orderId: string, complete = true): Promise<void> {
    const fulfilledAt = new Date(await this.now()).toISOString()
    await this.signalWithStart(orderFulfilledSignal.name, { eventKey: `fulfilment:${orderId}:${complete}`, orderId, fulfilledAt, complete })
  }

  async cancel(orderId: string): Promise<void> {
    await this.signalWithStart(orderCancelledSignal.name, { eventKey: `cancel:${orderId}`, orderId, cancelledAt: new Date(await this.now()).toISOString() })
  }

  async refund(orderId: string, full: boolean): Promise<void> {
    const refundedAt = new Date(await this.now()).toISOString()
    await this.signalWithStart(orderRefundedSignal.name, { eventKey: `refund:${orderId}:${full}`, orderId, refundedAt, full })
  }

  async signalWithStart(signal: string, payload: object): Promise<void> {
    const handle = await this.client.workflow.signalWithStart(crossSellJourney, {
      workflowId: this.workflowId,
      taskQueue: this.harness.taskQueue,
      args: [{ storeId: this.storeId, customerId: this.customerId }],
      signal,
      signalArgs: [payload],
    })
    this.firstRunId ??= handle.signaledRunId
  }

  /** Lets time pass on the test server. */
  async wait(ms: number): Promise<void> {
    await this.harness.env.sleep(ms)
  }

  handle() {
    return this.client.workflow.getHandle<typeof crossSellJourney>(this.workflowId)
  }

  /** The journey's state, as the `journeyState` query answers. */
  async state() {
    return this.handle().query(journeyStateQuery)
  }

  /** The journey's final outcome, following continue-as-new. */
  async result() {
    return this.handle().result()
  }

  calls(name?: keyof JourneyActivities): Call[] {
    return this.harness.callsOf(this.workflowId, name)
  }

  sends(): Call[] {
    return this.calls('sendRecommendation')
  }
}
