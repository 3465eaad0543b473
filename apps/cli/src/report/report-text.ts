import type { StoredPairingReview } from '@crosswise/db'
import { formatTimeSpan, type ExperimentVariant } from '@crosswise/domain'
import type { AttributedRevenue, AttributedTotals, DifferenceInterval, LiftMeasure } from '@crosswise/measurement'
import type { ExperimentReport, FullStoreReport } from '@crosswise/reports'

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`
const points = (difference: number) => `${difference >= 0 ? '+' : ''}${(difference * 100).toFixed(1)} pts`
const money = (value: number) => value.toFixed(2)
const signedMoney = (value: number) => `${value >= 0 ? '+' : ''}${money(value)}`
const bounds = (interval: DifferenceInterval, format: (value: number) => string) =>
  Number.isFinite(interval.low) ? `[${format(interval.low)}, ${format(interval.high)}]` : '[too few to say]'

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)))
  const line = (row: string[]) =>
    row
      .map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!)))
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)]
}

function liftRow(name: string, measure: LiftMeasure, format: (value: number) => string, signed: (value: number) => string): string[] {
  return [name, format(measure.emailed), format(measure.heldOut), signed(measure.lift.difference), bounds(measure.lift, signed)]
}

/** The report as a person reads it: the funnel, the lift with its intervals, then each pairing. */
export function reportText(report: FullStoreReport, heading: string): string {
  const { funnel, lift } = report
  const share = (count: number, of: number) => (of === 0 ? '' : percent(count / of))
  const lines = [
    heading,
    '',
    'funnel (live orders since the start of the report)',
    ...table(
      ['stage', 'count', 'of the stage before'],
      [
        ['orders', String(funnel.orders), ''],
        ['journeys', String(funnel.journeys), share(funnel.journeys, funnel.orders)],
        ['fulfilled', String(funnel.fulfilled), share(funnel.fulfilled, funnel.journeys)],
        ['reached the send', String(funnel.reachedSend), share(funnel.reachedSend, funnel.fulfilled)],
        ['  held out', String(funnel.heldOut), share(funnel.heldOut, funnel.reachedSend)],
        ['emailed', String(funnel.emailed), share(funnel.emailed, funnel.reachedSend - funnel.heldOut)],
        ['opened', String(funnel.opened), share(funnel.opened, funnel.emailed)],
        ['clicked', String(funnel.clicked), share(funnel.clicked, funnel.opened)],
        ['purchased a pick', String(funnel.purchased), share(funnel.purchased, funnel.emailed)],
      ],
    ).map((line) => `  ${line}`),
    `  ${funnel.emails} emails in all`,
    '',
  ]
  const ended = Object.entries(report.journeyOutcomes)
  if (ended.length > 0) {
    const runs = ended.reduce((sum, [, count]) => sum + count, 0)
    lines.push(
      'how journeys ended (runs closed since the start of the report)',
      ...table(
        ['outcome', 'runs', 'share'],
        ended.map(([outcome, count]) => [outcome, String(count), share(count, runs)]),
      ).map((line) => `  ${line}`),
      '',
    )
  }
  if (!lift) {
    lines.push(
      `holdout lift: no comparison yet (it needs journeys of both groups whose ${formatTimeSpan(report.liftWindowMs)} window has closed)`,
      '',
    )
  } else {
    lines.push(
      `holdout lift, ${formatTimeSpan(report.liftWindowMs)} after the point of sending (${lift.customers.emailed} emailed, ${lift.customers.heldOut} held out; 95 % intervals)`,
      ...table(
        ['measure', 'emailed', 'held out', 'difference', 'interval'],
        [
          liftRow('bought again', lift.repeatPurchaseRate, percent, points),
          liftRow('revenue per customer', lift.revenuePerCustomer, money, signedMoney),
          liftRow('next order value', lift.nextOrderValue, money, signedMoney),
        ],
      ).map((line) => `  ${line}`),
      '  An interval that holds 0 means the data cannot yet tell the emails apart from no emails.',
      '',
    )
  }
  lines.push(
    'pairings (most sent first; conversion = a purchase of the recommended product after the email)',
    ...table(
      ['pairing', 'source', 'sends', 'conversion', '95 % interval', 'revenue / send'],
      report.pairings.map((pairing) => [
        pairing.pairingId,
        pairing.source ?? '',
        String(pairing.sends),
        percent(pairing.conversionRate),
        `[${percent(pairing.conversionInterval.low)}, ${percent(pairing.conversionInterval.high)}]`,
        money(pairing.revenuePerSend),
      ]),
    ).map((line) => `  ${line}`),
    '',
    ...attributionLines(report.attribution),
    ...experimentLines(report.experiment),
    ...reviewLines(report.review),
  )
  return `${lines.join('\n')}\n`
}

function reviewLines(review: StoredPairingReview | null): string[] {
  if (!review) return ['pairing review: none yet (`crosswise review --store ID` runs one now; the worker runs one a month)']
  const acted = review.entries.filter((entry) => entry.verdict === 'retire' || entry.verdict === 'flag')
  return [
    `latest pairing review, ${review.reviewedAt.toISOString().slice(0, 10)}: ${review.entries.length} pairings read, ${acted.length} retired or flagged`,
    ...acted.map((entry) => `  ${entry.verdict === 'retire' ? 'retired' : 'flagged'} ${entry.pairingId}: ${entry.reason}`),
  ]
}

/** What a variant does differently, in a few words: its offer, layout, delay and subject. */
function variantChanges(variant: ExperimentVariant): string {
  const offer =
    variant.offer.kind === 'code'
      ? `code ${variant.offer.code}${variant.offer.percentOff ? ` (${variant.offer.percentOff} % off)` : ''}`
      : ''
  const layout = variant.layout && (variant.layout.kind === 'grid' ? `grid of ${variant.layout.size}` : 'one product')
  const delay = variant.delayDays && `${variant.delayDays} days after fulfilment`
  const subject = variant.subject && `subject "${variant.subject}"`
  return [offer, layout, delay, subject].filter(Boolean).join(', ') || 'as configured'
}

function experimentLines(report: ExperimentReport | null): string[] {
  if (!report) return []
  const { experiment, stoppedAt, winner: promoted } = report.experiment
  const state = stoppedAt
    ? `stopped ${stoppedAt.toISOString().slice(0, 10)}${promoted ? `, '${promoted}' promoted` : ''}`
    : report.winner
      ? `'${report.winner}' is ahead beyond doubt`
      : `no winner yet (at least ${experiment.minimumSendsPerVariant} sends per variant, then a clear difference)`
  const verdict = (result: ExperimentReport['variants'][number]) => {
    const test = result.versusControl
    if (!test) return 'control'
    if (test.state === 'winner') return test.winner === 'treated' ? 'better' : 'worse'
    return test.state === 'no-difference' ? 'no difference' : 'collecting'
  }
  return [
    `experiment '${experiment.id}' (${experiment.name}): ${state}`,
    ...table(
      [
        'variant',
        'what it changes',
        'sends',
        'opened',
        'clicked',
        'conversion',
        '95 % interval',
        'revenue / send',
        '95 % interval',
        'vs control',
      ],
      report.variants.map((result, index) => [
        result.variantId,
        variantChanges(experiment.variants[index]!),
        String(result.sends),
        percent(result.openRate),
        percent(result.clickRate),
        percent(result.conversionRate),
        `[${percent(result.conversionInterval.low)}, ${percent(result.conversionInterval.high)}]`,
        money(result.revenuePerSend),
        `[${money(result.revenuePerSendInterval.low)}, ${Number.isFinite(result.revenuePerSendInterval.high) ? money(result.revenuePerSendInterval.high) : '…'}]`,
        verdict(result),
      ]),
    ).map((line) => `  ${line}`),
    '',
  ]
}

function attributionLines(attribution: AttributedRevenue): string[] {
  const row = (name: string, totals: AttributedTotals) => [
    name,
    String(totals.sends),
    String(totals.orders),
    String(totals.direct),
    String(totals.influenced),
    money(totals.revenue),
    totals.averageOrderValue === null ? '' : money(totals.averageOrderValue),
    money(totals.revenuePerSend),
  ]
  // The ten pairings credited with most revenue; the rest are in the JSON.
  const pairings = [...attribution.byPairing].sort((a, b) => b.revenue - a.revenue).slice(0, 10)
  return [
    `credited revenue (an order within ${attribution.windowDays} days after an open or click of an email; credit, not cause: see the lift)`,
    ...table(
      ['emails', 'sends', 'orders', 'direct', 'influenced', 'revenue', 'avg order', 'revenue / send'],
      [
        row('all', attribution.total),
        ...pairings.map((pairing) => row(pairing.pairingId, pairing)),
        ...attribution.byVariant.map((variant) => row(`variant ${variant.variantId}`, variant)),
        ...attribution.bySegment.map((segment) => row(`segment ${segment.segment}`, segment)),
      ],
    ).map((line) => `  ${line}`),
    '',
  ]
}
