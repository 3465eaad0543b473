// Runs crossSellJourney on the time-skipping test server against scripted activities.
import { fileURLToPath } from 'node:url'
import { journeySearchAttributes, journeyWorkflowId } from '@crosswise/domain'
import { createTimeSkippingEnvironment, uniqueId } from '@crosswise/testing'
import type { WorkflowClient } from '@temporalio/client'
import type { TestWorkflowEnvironment } from '@temporalio/testing'
import { bundleWorkflowCode, Worker } from '@temporalio/worker'
import {
  crossSellJourney,
  journeyStateQuery,
  orderCancelledSignal,
  orderFulfilledSignal,
  orderPlacedSignal,
  orderRefundedSignal,
} from '../src/index.ts'
import { ScriptedActivities, type Call, type Script } from './scripted-activities.ts'

export { day, hour, instantPolicy, pairing } from './scripted-activities.ts'

// IndexedValueType numbers of the Temporal API for the kinds our attributes use.
const indexedValueType = { Keyword: 2, Int: 3, Datetime: 6 } as const

/** The journey's workflow code, bundled once per test file. */
export function bundleJourney() {
  return bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('../src/workflows.ts', import.meta.url)),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
  })
}

/** Where a journey under test runs: a client, its task queue, the server's clock and scripts. */
export interface JourneyServer {
  client: WorkflowClient
  taskQueue: string
  scripted: ScriptedActivities
  now(): Promise<number>
  /** Lets time pass on the server (skipped on the test server, slept on a real one). */
  wait(ms: number): Promise<void>
}

/** A time-skipping server with a worker running the journey over scripted activities. */
export class JourneyHarness implements JourneyServer {
  private running: Promise<void> | undefined
  private worker: Worker | undefined
  readonly taskQueue = uniqueId('journeys')
  readonly scripted: ScriptedActivities

  private constructor(readonly env: TestWorkflowEnvironment) {
    this.scripted = new ScriptedActivities(() => this.now())
  }

  get client(): WorkflowClient {
    return this.env.client.workflow
  }

  static async start(): Promise<JourneyHarness> {
    const env = await createTimeSkippingEnvironment()
    // The test server starts without custom attributes; the journey upserts all of them.
    await env.connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: Object.fromEntries(journeySearchAttributes.map(({ name, type }) => [name, indexedValueType[type]])),
    })
    const harness = new JourneyHarness(env)
    harness.worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: harness.taskQueue,
      workflowBundle: await bundleJourney(),
      activities: harness.scripted.activities(),
    })
    harness.running = harness.worker.run()
    return harness
  }

  async stop(): Promise<void> {
    this.worker?.shutdown()
    await this.running
    await this.env.teardown()
  }

  async now(): Promise<number> {
    return Number(await this.env.currentTimeMs())
  }

  async wait(ms: number): Promise<void> {
    await this.env.sleep(ms)
  }

  /** A new customer's journey, scripted. */
  journey(script: Script = {}): JourneyUnderTest {
    return JourneyUnderTest.create(this, script)
  }
}

/** One scripted customer: signal their orders and facts, then read what the journey did. */
export class JourneyUnderTest {
  /** The run the first signal started. */
  firstRunId: string | undefined

  private constructor(
    private readonly server: JourneyServer,
    readonly storeId: string,
    readonly customerId: string,
    readonly workflowId: string,
  ) {}

  /** A new customer with a unique store and id, scripted on the server. */
  static create(server: JourneyServer, script: Script): JourneyUnderTest {
    const storeId = uniqueId('store')
    const customerId = uniqueId('customer')
    const workflowId = journeyWorkflowId(storeId, customerId)
    server.scripted.script(workflowId, script)
    return new JourneyUnderTest(server, storeId, customerId, workflowId)
  }

  /** Now on the server (epoch ms). */
  async now(): Promise<number> {
    return this.server.now()
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
    await this.signalWithStart(orderCancelledSignal.name, {
      eventKey: `cancel:${orderId}`,
      orderId,
      cancelledAt: new Date(await this.now()).toISOString(),
    })
  }

  async refund(orderId: string, full: boolean): Promise<void> {
    const refundedAt = new Date(await this.now()).toISOString()
    await this.signalWithStart(orderRefundedSignal.name, { eventKey: `refund:${orderId}:${full}`, orderId, refundedAt, full })
  }

  async signalWithStart(signal: string, payload: object): Promise<void> {
    const handle = await this.server.client.signalWithStart(crossSellJourney, {
      workflowId: this.workflowId,
      taskQueue: this.server.taskQueue,
      args: [{ storeId: this.storeId, customerId: this.customerId }],
      signal,
      signalArgs: [payload],
    })
    this.firstRunId ??= handle.signaledRunId
  }

  /** Lets time pass on the server. */
  async wait(ms: number): Promise<void> {
    await this.server.wait(ms)
  }

  handle() {
    return this.server.client.getHandle<typeof crossSellJourney>(this.workflowId)
  }

  /** The journey's state, as the `journeyState` query answers. */
  async state() {
    return this.handle().query(journeyStateQuery)
  }

  /** The journey's final outcome, following continue-as-new. */
  async result() {
    return this.handle().result()
  }

  calls(name?: Call['name']): Call[] {
    return this.server.scripted.callsOf(this.workflowId, name)
  }

  sends(): Call[] {
    return this.calls('sendRecommendation')
  }
}
