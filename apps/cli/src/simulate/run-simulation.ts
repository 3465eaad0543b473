import { ensureStore, enqueueDispatch, listSends, migrateToLatest, recordFulfillment, recordOrder, type Db } from '@crosswise/db'
import { eventKey, journeySearchAttributes, journeyWorkflowId, type Segment } from '@crosswise/domain'
import type { crossSellJourney, EndReason } from '@crosswise/journeys'
import { mineStorePairings } from '@crosswise/mining'
import { createActivities, createJourneyWorker, Dispatcher } from '@crosswise/engine'
import { WorkflowContinuedAsNewError } from '@temporalio/client'
import { TestWorkflowEnvironment } from '@temporalio/testing'
import { pino } from 'pino'
import { importRecordedCatalogue } from '../replay/import-recorded-catalogue.ts'
import { importRecordedHistory } from '../replay/import-recorded-history.ts'
import type { RecordedOrder } from '../replay/recorded-orders.ts'
import { replayEmail } from '../replay/shopify-ids.ts'
import { journeyRunFacts } from './journey-history.ts'
import type { SimulationCase } from './simulation-cases.ts'
import { simulationTimeline, timeMapping, toWorkflowTime, type SimulationEvent } from './simulation-timeline.ts'

/** What a simulation needs: the history, the cases, where to keep the store and the test server binary. */
export interface SimulationInput {
  /** Every order of the history, oldest first. */
  orders: readonly RecordedOrder[]
  cases: readonly SimulationCase[]
  /** Epoch ms: orders before it are the store's past. */
  cutoff: number
  db: Db
  /** A store id not used before: the simulation's store is created in it. */
  storeId: string
  /** Path of the time-skipping test server binary. */
  testServerPath: string
  currency?: string
  onProgress?: (message: string) => void
}

/** One email a simulated journey sent. */
export interface SimulatedSend {
  productIds: string[]
  source: string
  /** Epoch ms on the workflow clock. */
  sentAtMs: number
}

/** What became of one case's journey (the run about its trigger order). */
export interface SimulatedJourney {
  customerId: string
  triggerOrderId: string
  /** How the trigger's run ended; `bought-again` when the next order restarted the journey from it. */
  outcome: EndReason
  segment?: Segment
  /** Epoch ms on the workflow clock. */
  fulfilledAtMs: number
  sends: SimulatedSend[]
  /** The next order reached the journey while it ran (after it ended, it no longer concerns this journey). */
  nextOrderDelivered: boolean
}

/** A simulation's journeys, its pairings and how the data's time was mapped. */
export interface SimulationRun {
  journeys: SimulatedJourney[]
  importedOrders: number
  products: number
  minedPairings: number
  /** Added to a data time to get the workflow time. */
  offsetMs: number
  /** Workflow time from the first trigger to the last journey's end, in days. */
  simulatedDays: number
  workflowStartMs: number
}

const indexedValueType = { Keyword: 2, Int: 3, Datetime: 6 } as const
const fulfillmentIdOf = (orderId: string) => `${orderId}-fulfilment`

function shifted(order: RecordedOrder, offsetMs: number): RecordedOrder {
  return { ...order, placedAt: order.placedAt + offsetMs }
}

/**
 * Replays the cases through the real journey (`crossSellJourney`, the worker's activities, the
 * dispatcher) on Temporal's time-skipping test server, with PostgreSQL as the store's database and no
 * Klaviyo key (emails go to the dry-run outbox). The store's past (orders before the cutoff, shifted
 * onto the workflow clock) is imported and mined first; then each trigger is announced at its time,
 * fulfilled 1–3 days later, and the next order is recorded at its time while the journey still runs.
 */
export async function runSimulation(input: SimulationInput): Promise<SimulationRun> {
  const { db, storeId, cases } = input
  const say = input.onProgress ?? (() => undefined)
  const currency = input.currency ?? 'GBP'
  await migrateToLatest(db)
  await ensureStore(db, storeId, { name: `Simulation ${storeId}`, currency })

  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: input.testServerPath } },
  })
  try {
    // The test server starts without custom search attributes; the journey upserts them.
    await env.connection.operatorService.addSearchAttributes({
      namespace: 'default',
      searchAttributes: Object.fromEntries(journeySearchAttributes.map(({ name, type }) => [name, indexedValueType[type]])),
    })
    const workflowStartMs = Number(await env.currentTimeMs())
    const mapping = timeMapping(cases, workflowStartMs)
    const timeline = simulationTimeline(cases, mapping)

    const emails = new Map(cases.map((simulated) => [simulated.customerId, replayEmail(simulated.customerId)]))
    const past = input.orders.filter((order) => order.placedAt < input.cutoff).map((order) => shifted(order, mapping.offsetMs))
    const importedOrders = await importRecordedHistory(db, storeId, past, currency, (customerId) => emails.get(customerId))
    const products = await importRecordedCatalogue(db, storeId, 'simulation.example', input.orders, currency)
    const mined = await mineStorePairings(db, storeId)
    const minedPairings = mined.status === 'mined' ? mined.pairings : 0
    say(`store: ${importedOrders} orders before the cutoff imported, ${products} products, ${minedPairings} pairings mined`)

    const taskQueue = `simulate-${storeId}`
    const worker = await createJourneyWorker({
      connection: env.nativeConnection,
      namespace: 'default',
      taskQueue,
      activities: createActivities({ db }),
    })
    const running = worker.run()
    try {
      const dispatcher = new Dispatcher({
        db,
        client: env.client,
        taskQueue,
        logger: pino({ level: 'silent' }),
        batchSize: 100,
        idleMs: 250,
        callTimeoutMs: 30_000,
      })
      const runIds = new Map<number, string>()
      const delivered = new Set<number>()
      const fulfilledAt = new Map<number, number>()
      let done = 0
      for (let start = 0; start < timeline.length;) {
        const atMs = timeline[start]!.atMs
        let end = start
        while (end < timeline.length && timeline[end]!.atMs === atMs) end++
        const now = Number(await env.currentTimeMs())
        if (atMs > now) await env.sleep(atMs - now)
        const batch = timeline.slice(start, end)
        for (const event of batch) {
          if (await applyEvent(event, { db, storeId, currency, env, cases, mapping, runIds, emails })) delivered.add(event.caseIndex)
          if (event.kind === 'fulfillment') fulfilledAt.set(event.caseIndex, event.atMs)
        }
        await dispatcher.drainOnce()
        for (const event of batch) {
          if (event.kind !== 'trigger') continue
          const description = await env.client.workflow.getHandle(journeyWorkflowId(storeId, cases[event.caseIndex]!.customerId)).describe()
          runIds.set(event.caseIndex, description.runId)
        }
        done += batch.length
        start = end
        if (done % 150 < batch.length)
          say(`  ${done} / ${timeline.length} events, workflow clock at day ${((atMs - workflowStartMs) / 86_400_000).toFixed(0)}`)
      }

      say('waiting for the journeys to end …')
      const outcomes: EndReason[] = []
      for (const [caseIndex, simulated] of cases.entries()) {
        try {
          const result = await env.client.workflow.result<typeof crossSellJourney>(
            journeyWorkflowId(storeId, simulated.customerId),
            runIds.get(caseIndex),
            { followRuns: false },
          )
          outcomes.push(result.reason)
        } catch (error) {
          if (!(error instanceof WorkflowContinuedAsNewError)) throw error
          outcomes.push('bought-again')
        }
      }

      const ledger = (await listSends(db, storeId)).filter((entry) => entry.status === 'sent')
      const journeys: SimulatedJourney[] = []
      let endMs = workflowStartMs
      for (const [caseIndex, simulated] of cases.entries()) {
        const handle = env.client.workflow.getHandle(journeyWorkflowId(storeId, simulated.customerId), runIds.get(caseIndex))
        const facts = journeyRunFacts(await handle.fetchHistory())
        endMs = Math.max(endMs, facts.lastEventMs)
        const sends = ledger
          .filter((entry) => entry.customerId === simulated.customerId && entry.orderId === simulated.trigger.orderId)
          .sort((a, b) => a.step.localeCompare(b.step))
          .map((entry) => ({ productIds: entry.productIds, source: entry.pairingSource ?? 'unknown', sentAtMs: entry.sentAt!.getTime() }))
        journeys.push({
          customerId: simulated.customerId,
          triggerOrderId: simulated.trigger.orderId,
          outcome: outcomes[caseIndex]!,
          ...(facts.segment ? { segment: facts.segment } : {}),
          fulfilledAtMs: fulfilledAt.get(caseIndex)!,
          sends,
          nextOrderDelivered: delivered.has(caseIndex),
        })
      }
      const firstTrigger = toWorkflowTime(mapping, Math.min(...cases.map((simulated) => simulated.trigger.placedAt)))
      return {
        journeys,
        importedOrders,
        products,
        minedPairings,
        offsetMs: mapping.offsetMs,
        simulatedDays: (endMs - firstTrigger) / 86_400_000,
        workflowStartMs,
      }
    } finally {
      worker.shutdown()
      await running
    }
  } finally {
    await env.teardown()
  }
}

interface EventContext {
  db: Db
  storeId: string
  currency: string
  env: TestWorkflowEnvironment
  cases: readonly SimulationCase[]
  mapping: { offsetMs: number }
  runIds: ReadonlyMap<number, string>
  emails: ReadonlyMap<string, string>
}

/**
 * Records one event as the store would: the trigger (imported with the past, so mining saw it) gets
 * the `orderPlaced` dispatch that live ingest writes with an order; a fulfilment and a next order are
 * recorded through ingest's own repository calls. True when a next order reached a running journey.
 */
async function applyEvent(event: SimulationEvent, context: EventContext): Promise<boolean> {
  const { db, storeId, cases, mapping } = context
  const simulated = cases[event.caseIndex]!
  const workflowId = journeyWorkflowId(storeId, simulated.customerId)
  if (event.kind === 'trigger') {
    const { trigger } = simulated
    await db.transaction().execute((trx) =>
      enqueueDispatch(trx, {
        storeId,
        customerId: simulated.customerId,
        workflowId,
        signal: 'orderPlaced',
        eventKey: eventKey('order', storeId, trigger.orderId),
        payload: {
          orderId: trigger.orderId,
          placedAt: new Date(toWorkflowTime(mapping, trigger.placedAt)).toISOString(),
          productIds: trigger.lines.map((line) => line.productId),
        },
      }),
    )
    return false
  }
  if (event.kind === 'fulfillment') {
    await db.transaction().execute((trx) =>
      recordFulfillment(trx, storeId, {
        fulfillmentId: fulfillmentIdOf(simulated.trigger.orderId),
        orderId: simulated.trigger.orderId,
        fulfilledAt: new Date(event.atMs),
        complete: true,
      }),
    )
    return false
  }
  const description = await context.env.client.workflow.getHandle(workflowId, context.runIds.get(event.caseIndex)).describe()
  if (description.status.name !== 'RUNNING') return false
  const { next } = simulated
  await recordOrder(db, storeId, {
    orderId: next.orderId,
    customer: { id: simulated.customerId, email: context.emails.get(simulated.customerId)! },
    currency: context.currency,
    placedAt: new Date(event.atMs),
    lineItems: next.lines.map((line) => ({
      productId: line.productId,
      title: line.title,
      quantity: line.quantity,
      unitPrice: line.unitPrice.toFixed(2),
    })),
  })
  return true
}
