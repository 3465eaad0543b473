import type { SearchAttributeUpdatePair } from '@temporalio/common'
import { condition, continueAsNew, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow'
import type { Delivery, EmailKind, JourneyContext, PairingPick } from './activities.ts'
import type { crossSellJourney } from './cross-sell-journey.ts'
import type { EndReason, JourneyStage, JourneyState } from './journey-state.ts'
import type { JourneyOutcome, JourneyStart, OrderFacts, OrderPlaced } from './journey-types.ts'
import {
  customerIdAttribute,
  customerSegmentAttribute,
  emailsSentAttribute,
  journeyOutcomeAttribute,
  journeyStageAttribute,
  nextActionAtAttribute,
  pairingIdAttribute,
  storeIdAttribute,
} from './search-attributes.ts'

/** An email the journey intends to send, and the earliest moment it may (epoch ms). */
export interface PlannedEmail {
  kind: EmailKind
  notBeforeMs: number
  /** Set for a follow-up: the same pairing again. */
  pairing?: PairingPick
}

/** An email that went out: what the engagement wait and the branch need. */
export interface SentEmail {
  kind: EmailKind
  sendKey: string
  /** ISO 8601. */
  sentAt: string
  pairing: PairingPick
  /** Absent for emails sent before sends answered it. */
  delivery?: Delivery
}

// A restarted run carries this many event keys: enough to cover redeliveries of recent signals.
const carriedEventKeys = 200

/**
 * One run of a customer's journey: what it has heard (orders and their facts, stop, redaction), what
 * it knows (policy, segment, zone) and what it did. Signal handlers write into it; steps read it.
 * Everything here is workflow state, so it changes only in deterministic ways.
 */
export class Journey {
  readonly state: JourneyState
  trigger: OrderPlaced | undefined
  /** The newest order placed after the trigger: a repeat purchase. */
  newerOrder: OrderPlaced | undefined
  context: JourneyContext | undefined
  /** Epoch ms from which the segment delay counts: fulfilment, or the end of a proceeding timeout. */
  fulfilledAtMs = 0
  redacted = false
  /** Whether this run uses fewer tasks (`journey-fewer-tasks`; decided once, when its context loads). */
  fewerTasks = false
  /** Whether stages this run leaves without waiting go unwritten (`journey-quiet-stages`; decided with `fewerTasks`). */
  quietStages = false
  stopReason: string | undefined
  /** The kind of every email sent, in order. */
  readonly sentKinds: EmailKind[] = []
  /** Every product recommended so far. */
  readonly sentProductIds: string[] = []
  readonly facts = new Map<string, OrderFacts>()
  readonly seenEventKeys: Set<string>
  private readonly knownOrderIds: Set<string>
  /** Search attributes not written yet, by name: the last value of each wins. */
  private readonly pendingAttributes = new Map<string, SearchAttributeUpdatePair>()

  constructor(readonly start: JourneyStart) {
    const restart = start.restart
    this.trigger = restart?.trigger
    this.seenEventKeys = new Set(restart?.seenEventKeys ?? [])
    this.knownOrderIds = new Set(restart?.knownOrderIds ?? [])
    for (const [orderId, facts] of Object.entries(restart?.orderFacts ?? {})) this.facts.set(orderId, facts)
    if (restart) this.knownOrderIds.add(restart.trigger.orderId)
    this.state = {
      storeId: start.storeId,
      customerId: start.customerId,
      stage: 'waiting-for-order',
      ...(restart ? { triggerOrderId: restart.trigger.orderId } : {}),
      ordersSeen: [...this.knownOrderIds],
      emailsSent: 0,
      pairingIds: [],
      details: 'Waiting for an order',
    }
    // Written with the first stage change, so a journey that never waits costs no extra upsert.
    this.hold([
      { key: storeIdAttribute, value: start.storeId },
      { key: customerIdAttribute, value: start.customerId },
    ])
  }

  /** The store's policy; only after `loadContext`. */
  get policy() {
    if (!this.context) throw new Error('journey context not loaded')
    return this.context.policy
  }

  /** Takes in an order: the first becomes the trigger; a later one is a repeat purchase. */
  noteOrder(order: OrderPlaced): void {
    if (this.knownOrderIds.has(order.orderId)) return
    this.knownOrderIds.add(order.orderId)
    this.state.ordersSeen.push(order.orderId)
    const placed = Date.parse(order.placedAt)
    if (!this.trigger || (!this.context && placed >= Date.parse(this.trigger.placedAt))) {
      // Orders that arrive together before the journey has started: the newest is the trigger.
      this.trigger = order
      this.state.triggerOrderId = order.orderId
    } else if (placed >= Date.parse(this.trigger.placedAt) && (!this.newerOrder || placed >= Date.parse(this.newerOrder.placedAt))) {
      this.newerOrder = order
    }
  }

  /** Every order id this journey has heard of. */
  knownOrders(): string[] {
    return [...this.knownOrderIds]
  }

  /** Updates what the journey knows about one order. */
  noteFacts(orderId: string, update: OrderFacts): void {
    this.facts.set(orderId, { ...update, ...this.facts.get(orderId) })
  }

  /** Why the journey must stop now, if it must: erased, stopped, cancelled, refunded or bought again. */
  interruption(): EndReason | undefined {
    if (this.redacted) return 'redacted'
    if (this.stopReason !== undefined) return 'stopped'
    const facts = this.trigger ? this.facts.get(this.trigger.orderId) : undefined
    if (facts?.cancelled) return 'cancelled'
    if (facts?.fullyRefunded) return 'refunded'
    if (this.newerOrder) return 'bought-again'
    return undefined
  }

  /**
   * Moves to a stage: one search-attribute upsert with everything that changed, and new details. In
   * runs with quiet stages the upsert waits for the run's next wait or its end (`waitUntil`,
   * `settle`): a stage left without waiting is never seen in the UI, and each upsert is a command and
   * a visibility write.
   */
  setStage(stage: JourneyStage, details: string, changes: { nextActionAtMs?: number; pairingId?: string } = {}): void {
    const nextActionAt = changes.nextActionAtMs === undefined ? undefined : new Date(changes.nextActionAtMs)
    const updates: SearchAttributeUpdatePair[] = []
    if (stage !== this.state.stage) updates.push({ key: journeyStageAttribute, value: stage })
    if (this.context && this.state.segment !== this.context.segment) {
      this.state.segment = this.context.segment
      updates.push({ key: customerSegmentAttribute, value: this.context.segment })
    }
    if (changes.pairingId !== undefined) updates.push({ key: pairingIdAttribute, value: changes.pairingId })
    if (stage === 'waiting-for-engagement') updates.push({ key: emailsSentAttribute, value: this.state.emailsSent })
    // In the upsert the end makes anyway: findable in the UI at no extra command.
    if (stage === 'ended' && this.state.outcome) updates.push({ key: journeyOutcomeAttribute, value: this.state.outcome })
    if (nextActionAt?.toISOString() !== this.state.nextActionAt) {
      updates.push({ key: nextActionAtAttribute, value: nextActionAt ?? null })
    }
    this.state.stage = stage
    this.state.details = details
    if (nextActionAt) this.state.nextActionAt = nextActionAt.toISOString()
    else delete this.state.nextActionAt
    this.hold(updates)
    if (!this.quietStages || stage === 'ended') this.writeAttributes()
    setCurrentDetails(details)
  }

  /** Waits, as `condition`, after writing the stage the run waits in. */
  async waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
    this.writeAttributes()
    return condition(done, timeoutMs)
  }

  private hold(updates: readonly SearchAttributeUpdatePair[]): void {
    for (const update of updates) this.pendingAttributes.set(update.key.name, update)
  }

  private writeAttributes(): void {
    if (this.pendingAttributes.size === 0) return
    upsertSearchAttributes([...this.pendingAttributes.values()])
    this.pendingAttributes.clear()
  }

  /**
   * Ends the run. An interruption outranks the step's own reason; a repeat purchase under the
   * `restart` policy does not end the journey but starts it over from the new order (after a
   * conversion too: the purchase that converted starts the next journey).
   */
  async settle(reason?: EndReason): Promise<JourneyOutcome> {
    const interruption = this.interruption()
    if (interruption === 'bought-again' && this.newerOrder && this.context?.policy.onRepeatPurchase !== 'end') {
      return this.restartFrom(this.newerOrder)
    }
    // A purchase of the recommended product is also a newer order: the conversion is what happened.
    const cause = reason === 'converted' && interruption === 'bought-again' ? reason : (interruption ?? reason)
    if (!cause) throw new Error('journey settled without a reason')
    this.state.outcome = cause
    this.setStage('ended', `Ended: ${cause}`)
    return {
      reason: cause,
      ...(this.trigger ? { triggerOrderId: this.trigger.orderId } : {}),
      emailsSent: this.state.emailsSent,
      pairingIds: this.state.pairingIds,
    }
  }

  private restartFrom(order: OrderPlaced): Promise<never> {
    const orderFacts: Record<string, OrderFacts> = {}
    for (const [orderId, facts] of this.facts) if (orderId !== this.trigger?.orderId) orderFacts[orderId] = facts
    return continueAsNew<typeof crossSellJourney>({
      storeId: this.start.storeId,
      customerId: this.start.customerId,
      restart: {
        trigger: order,
        seenEventKeys: [...this.seenEventKeys].slice(-carriedEventKeys),
        knownOrderIds: this.knownOrders(),
        orderFacts,
      },
    })
  }
}
