import type { StoredPairingReview } from '@crosswise/db'
import { formatTimeSpan } from '@crosswise/domain'
import { z } from 'zod'
import type { ExperimentReport, FullStoreReport } from './store-report.ts'

// An interval bound is null where the data cannot bound it (too few customers in a group): JSON has
// no infinity, and a reader must not mistake "unbounded" for zero.
const bound = z.number().nullable()
const interval = z.object({ low: bound, high: bound })
const boundedInterval = ({ low, high }: { low: number; high: number }) => ({
  low: Number.isFinite(low) ? low : null,
  high: Number.isFinite(high) ? high : null,
})
const difference = z.object({
  difference: z.number().describe('emailed minus held out'),
  low: bound,
  high: bound,
  confidence: z.number().describe('e.g. 0.95'),
})
const liftMeasure = z.object({ emailed: z.number(), heldOut: z.number(), lift: difference })

/** The latest pairing review as the report and the admin API show it. */
export const pairingReviewViewSchema = z.object({
  id: z.string(),
  reviewedAt: z.iso.datetime(),
  options: z.record(z.string(), z.unknown()).describe('The thresholds it judged by'),
  entries: z.array(
    z.object({
      pairingId: z.string(),
      source: z.string().nullable(),
      sends: z.number().int(),
      conversions: z.number().int(),
      verdict: z.string().describe('keep, collecting, retire (mined and best-seller pairings) or flag (manual ones)'),
      reason: z.string(),
    }),
  ),
})
export type PairingReviewView = z.infer<typeof pairingReviewViewSchema>

/** An experiment with its results per variant, as the report and the admin API show it. */
export const experimentViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  startedAt: z.iso.datetime(),
  stoppedAt: z.iso.datetime().nullable(),
  promoted: z.string().nullable().describe('The variant promoted when the experiment stopped'),
  minimumSendsPerVariant: z.number().int(),
  autoPromote: z.boolean(),
  winner: z.string().nullable().describe('The variant the sequential test declares best at this look; null while it cannot tell'),
  variants: z.array(
    z.object({
      id: z.string(),
      subject: z.string().nullable(),
      offer: z.string().nullable().describe('The discount code the variant offers'),
      layout: z.string().nullable().describe('single, or grid of N; null: as the pick comes'),
      delayDays: z.number().int().nullable().describe("Days from fulfilment to the first email; null: the segment's delay"),
      sends: z.number().int(),
      opens: z.number().int().describe('Sends opened or clicked'),
      clicks: z.number().int(),
      conversions: z.number().int(),
      revenue: z.string(),
      openRate: z.number(),
      openInterval: interval.describe('Wilson 95 %'),
      clickRate: z.number(),
      clickInterval: interval.describe('Wilson 95 %'),
      conversionRate: z.number(),
      conversionInterval: interval.describe('Wilson 95 %'),
      revenuePerSend: z.number(),
      revenuePerSendInterval: interval.describe("Student's t 95 %; high null below two sends"),
      versusControl: z
        .object({
          state: z.enum(['collecting', 'winner', 'no-difference']),
          winner: z.enum(['treated', 'control']).optional(),
          pValue: z.number(),
        })
        .nullable()
        .describe('The always-valid sequential test against the control (null for the control)'),
    }),
  ),
})
export type ExperimentView = z.infer<typeof experimentViewSchema>

const attributedTotals = z.object({
  sends: z.number().int(),
  orders: z.number().int().describe('Orders credited: each to the latest email opened or clicked within the window before it'),
  direct: z.number().int().describe('Credited orders holding a recommended product'),
  influenced: z.number().int().describe('Credited orders without one'),
  revenue: z.number(),
  averageOrderValue: z.number().nullable(),
  revenuePerSend: z.number(),
})

/** A store's report in JSON: what `crosswise report --json` prints and `GET …/report` answers. */
export const storeReportViewSchema = z.object({
  funnel: z.object({
    orders: z.number().int().describe('Live orders (imported history never starts a journey)'),
    journeys: z.number().int(),
    fulfilled: z.number().int(),
    reachedSend: z.number().int().describe('Journeys that reached the point of sending: guards passed, holdout decided'),
    heldOut: z.number().int(),
    emailed: z.number().int(),
    emails: z.number().int(),
    opened: z.number().int().describe('Journeys with an email opened (or clicked)'),
    clicked: z.number().int().describe('Journeys with an email clicked'),
    purchased: z.number().int().describe('Journeys with an email that led to a purchase of a recommended product'),
  }),
  journeyOutcomes: z
    .record(z.string(), z.number().int())
    .describe('Journey runs closed since the start of the report, by how they ended (converted, not-opened, no-consent, …)'),
  liftWindow: z.string().describe('The lift window after the point of sending, such as 30d'),
  lift: z
    .object({
      customers: z.object({ emailed: z.number().int(), heldOut: z.number().int() }),
      repeatPurchaseRate: liftMeasure.extend({ emailedInterval: interval, heldOutInterval: interval }),
      revenuePerCustomer: liftMeasure.extend({ unadjusted: difference }).describe('lift is CUPED-adjusted with spend before the trigger'),
      nextOrderValue: liftMeasure,
    })
    .nullable()
    .describe('null until journeys of both groups have a closed window'),
  pairings: z.array(
    z.object({
      pairingId: z.string(),
      source: z.string().nullable(),
      sends: z.number().int(),
      clicks: z.number().int(),
      conversions: z.number().int(),
      revenue: z.string().describe('Decimal, store currency'),
      clickRate: z.number(),
      clickInterval: interval.describe('Wilson 95 %'),
      conversionRate: z.number(),
      conversionInterval: interval.describe('Wilson 95 %'),
      revenuePerSend: z.number(),
    }),
  ),
  attribution: z
    .object({
      windowDays: z.number().int(),
      total: attributedTotals,
      byPairing: z.array(attributedTotals.extend({ pairingId: z.string() })),
      byVariant: z.array(attributedTotals.extend({ variantId: z.string() })),
      bySegment: z.array(attributedTotals.extend({ segment: z.string() })).describe('As the journey classified the customer'),
      byDay: z
        .array(z.object({ day: z.iso.date(), orders: z.number().int(), directRevenue: z.number(), influencedRevenue: z.number() }))
        .describe('Credited revenue per UTC day the orders were placed, oldest first'),
    })
    .describe('What the emails were credited with (not what they caused: see lift)'),
  experiment: experimentViewSchema.nullable(),
  review: pairingReviewViewSchema.nullable(),
})
export type StoreReportView = z.infer<typeof storeReportViewSchema>

/** Infinite bounds become null, dates ISO strings; everything else as computed. */
export function storeReportView(report: FullStoreReport): StoreReportView {
  const view = {
    ...report,
    liftWindow: formatTimeSpan(report.liftWindowMs),
    experiment: report.experiment && experimentView(report.experiment),
    review: report.review && pairingReviewView(report.review),
  }
  return storeReportViewSchema.parse(JSON.parse(JSON.stringify(view)))
}

/** A stored review in JSON. */
export function pairingReviewView(review: StoredPairingReview): PairingReviewView {
  return { id: review.id, reviewedAt: review.reviewedAt.toISOString(), options: review.options, entries: review.entries }
}

/** An experiment and its results in JSON. */
export function experimentView(report: ExperimentReport): ExperimentView {
  const { experiment, startedAt, stoppedAt, winner: promoted } = report.experiment
  return {
    id: experiment.id,
    name: experiment.name,
    startedAt: startedAt.toISOString(),
    stoppedAt: stoppedAt?.toISOString() ?? null,
    promoted,
    minimumSendsPerVariant: experiment.minimumSendsPerVariant,
    autoPromote: experiment.autoPromote,
    winner: report.winner,
    variants: report.variants.map((result, index) => {
      const variant = experiment.variants[index]!
      return {
        id: result.variantId,
        subject: variant.subject ?? null,
        offer: variant.offer.kind === 'code' ? variant.offer.code : null,
        layout: variant.layout ? (variant.layout.kind === 'grid' ? `grid of ${variant.layout.size}` : 'single') : null,
        delayDays: variant.delayDays ?? null,
        sends: result.sends,
        opens: result.opens,
        clicks: result.clicks,
        conversions: result.conversions,
        revenue: result.revenue,
        openRate: result.openRate,
        openInterval: result.openInterval,
        clickRate: result.clickRate,
        clickInterval: result.clickInterval,
        conversionRate: result.conversionRate,
        conversionInterval: result.conversionInterval,
        revenuePerSend: result.revenuePerSend,
        revenuePerSendInterval: boundedInterval(result.revenuePerSendInterval),
        versusControl: result.versusControl ?? null,
      }
    }),
  }
}
