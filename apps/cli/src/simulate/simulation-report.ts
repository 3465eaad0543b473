import { defaultJourneyPolicy, type Segment } from '@crosswise/domain'
import type { OrderHistory } from '@crosswise/recommender'
import type { OfflineEvaluation } from '../evaluate/offline-evaluation.ts'
import { blendHitRates, type HitRatesAtK } from './blend-hit-rates.ts'
import type { SimulationRun } from './run-simulation.ts'
import { delaySpreads, type DelaySpread } from './send-delays.ts'
import { sentHitRates, type SentHitRates } from './sent-hit-rate.ts'
import type { SimulationCase } from './simulation-cases.ts'

/** Everything `crosswise simulate` reports; `--json` prints it as it is. */
export interface SimulationReport {
  data: string
  cutoff: string
  cases: { available: number; simulated: number }
  store: { importedOrders: number; products: number; minedPairings: number }
  simulatedDays: number
  journeys: number
  emailsSent: number
  outcomes: Record<string, number>
  sources: Record<string, number>
  /** Fulfilment to first email, per segment, in days. */
  delays: Partial<Record<Segment, DelaySpread>>
  /** Emails sent before fulfilment plus the segment's delay (must be 0). */
  sentTooSoon: number
  hitRate: {
    /** Truth = every product of the next order, over every simulated case. */
    nextOrder: SentHitRates
    /** Truth = evaluate's (new items with ≥ 3 training orders), over the simulated cases evaluate scores. */
    evaluateProtocol: SentHitRates
  }
  evaluate: {
    customers: number
    /** Simulated customers that evaluate scores too. */
    simulatedCustomers: number
    /** The tuned blend's HR@k over all of evaluate's customers and over the simulated ones. */
    blend: { all: HitRatesAtK; simulated: HitRatesAtK }
    /** Every ranker's HR@5 and HR@10, as `crosswise evaluate` prints them. */
    rows: { model: string; hitRate5: number; hitRate10: number }[]
  }
  /** Counts behind the gap between what was sent and what evaluate scores. */
  gap: {
    heldOut: number
    boughtAgainBeforeSend: number
    otherEndsWithoutEmail: number
    outsideEvaluate: number
    sendsOfItemsEvaluateDrops: number
  }
  notes: string[]
}

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10)

/** The k values compared: the first email, every email a journey may send, and evaluate's 5 and 10. */
export const comparedKs = [1, defaultJourneyPolicy.maxEmailsPerJourney, 5, 10] as const

/** Puts a simulation's journeys beside the offline evaluation of the same cutoff. */
export function simulationReport(input: {
  data: string
  cutoff: number
  availableCases: number
  cases: readonly SimulationCase[]
  run: SimulationRun
  history: OrderHistory
  evaluation: OfflineEvaluation
}): SimulationReport {
  const { run, evaluation, history, cases } = input
  const { journeys } = run
  const outcomes: Record<string, number> = {}
  const sources: Record<string, number> = {}
  for (const journey of journeys) {
    outcomes[journey.outcome] = (outcomes[journey.outcome] ?? 0) + 1
    for (const send of journey.sends) sources[send.source] = (sources[send.source] ?? 0) + 1
  }
  const delays = journeys.flatMap((journey) =>
    journey.sends[0] && journey.segment ? [{ segment: journey.segment, delayMs: journey.sends[0].sentAtMs - journey.fulfilledAtMs }] : [],
  )
  const sentTooSoon = journeys.filter(
    (journey) =>
      journey.sends[0] &&
      !(journey.segment && journey.sends[0].sentAtMs - journey.fulfilledAtMs >= defaultJourneyPolicy.delayMs[journey.segment]),
  ).length

  const products = evaluation.test.training.products
  const evaluated = new Map(evaluation.test.cases.map((evaluationCase) => [history.customers.id(evaluationCase.customer), evaluationCase]))
  const journeyOf = new Map(journeys.map((journey) => [journey.customerId, journey]))
  const sent = (customerId: string) => journeyOf.get(customerId)?.sends.map((send) => send.productIds) ?? []
  const simulatedEvaluated = cases.flatMap((simulated) => {
    const evaluationCase = evaluated.get(simulated.customerId)
    return evaluationCase ? [{ simulated, evaluationCase }] : []
  })
  const hitRate = {
    nextOrder: sentHitRates(
      cases.map((simulated) => ({ sent: sent(simulated.customerId), truth: new Set(simulated.next.lines.map((line) => line.productId)) })),
    ),
    evaluateProtocol: sentHitRates(
      simulatedEvaluated.map(({ simulated, evaluationCase }) => ({
        sent: sent(simulated.customerId),
        truth: new Set(Array.from(evaluationCase.truth, (item) => products.id(item))),
      })),
    ),
  }
  const gap = {
    heldOut: outcomes['held-out'] ?? 0,
    boughtAgainBeforeSend: journeys.filter((journey) => journey.sends.length === 0 && journey.outcome === 'bought-again').length,
    otherEndsWithoutEmail: journeys.filter(
      (journey) => journey.sends.length === 0 && journey.outcome !== 'bought-again' && journey.outcome !== 'held-out',
    ).length,
    outsideEvaluate: cases.length - simulatedEvaluated.length,
    sendsOfItemsEvaluateDrops: journeys
      .flatMap((journey) => journey.sends)
      .filter((send) => send.productIds.some((productId) => products.find(productId) === undefined)).length,
  }
  const blend = {
    all: blendHitRates(evaluation.model, evaluation.test.cases, comparedKs),
    simulated: blendHitRates(
      evaluation.model,
      simulatedEvaluated.map(({ evaluationCase }) => evaluationCase),
      comparedKs,
    ),
  }
  const emailsSent = journeys.reduce((sum, journey) => sum + journey.sends.length, 0)
  return {
    data: input.data,
    cutoff: isoDate(input.cutoff),
    cases: { available: input.availableCases, simulated: cases.length },
    store: { importedOrders: run.importedOrders, products: run.products, minedPairings: run.minedPairings },
    simulatedDays: run.simulatedDays,
    journeys: journeys.length,
    emailsSent,
    outcomes,
    sources,
    delays: delaySpreads(delays),
    sentTooSoon,
    hitRate,
    evaluate: {
      customers: evaluation.test.cases.length,
      simulatedCustomers: simulatedEvaluated.length,
      blend,
      rows: evaluation.rows.map(({ model, metrics }) => ({ model, hitRate5: metrics.all.hitRate5, hitRate10: metrics.all.hitRate10 })),
    },
    gap,
    notes: gapNotes(gap, cases.length),
  }
}

function gapNotes(gap: SimulationReport['gap'], cases: number): string[] {
  return [
    `The sent-item hit rate counts customers who got an email; evaluate's HR@k counts every customer it scores, with a list of k items each. ` +
      `A journey sends one product per email and at most ${defaultJourneyPolicy.maxEmailsPerJourney} emails, so compare it with HR@1 (first email) and HR@${defaultJourneyPolicy.maxEmailsPerJourney} (any email), not HR@5/HR@10.`,
    `Of ${cases} journeys, ${gap.heldOut} were held out (the default policy holds out 10 % to measure lift), ${gap.boughtAgainBeforeSend} ended because the next order came before the email ` +
      `(the journey restarts from it; evaluate predicts that very order), and ${gap.otherEndsWithoutEmail} ended without an email for another reason (outcomes above).`,
    `${gap.outsideEvaluate} simulated customers are not in evaluate's cases: their next order holds no item that is new to them and in at least 3 training orders. ` +
      `The evaluate-protocol hit rate leaves them out; the next-order hit rate keeps them, with every product of the next order as truth.`,
    `${gap.sendsOfItemsEvaluateDrops} emails recommended a product with fewer than 3 orders before the cutoff, which evaluate never ranks and never counts as truth.`,
    "The journey picks from the stored pairings of the trigger's products (manual, then mined, then best sellers, within the segment's price band, available products with a page only), " +
      "while evaluate ranks every item with the tuned blend over the trigger and the customer's history: the pick is a narrower, rule-bound list.",
    'Pairings are mined once from every order before the cutoff, as evaluate trains; a store mining nightly would know less at an early trigger.',
    "Times are the journeys' clock on the time-skipping server: activities act at the time Temporal scheduled them, so the frequency cap and the ledger's send times move with the simulated weeks.",
  ]
}
