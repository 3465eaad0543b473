import type { SimulationReport } from './simulation-report.ts'

const percent = (value: number) => `${(value * 100).toFixed(1)} %`
const days = (value: number) => value.toFixed(1).padStart(5)
const counts = (record: Record<string, number>) =>
  Object.entries(record)
    .sort(([, a], [, b]) => b - a)
    .map(([key, count]) => `${key} ${count}`)
    .join(' · ')

/** The report as `crosswise simulate` prints it in a terminal. */
export function simulationText(report: SimulationReport): string {
  const { hitRate, evaluate } = report
  const ks = Object.keys(evaluate.blend.all)
  const lines = [
    `Simulation of ${report.data}, cutoff ${report.cutoff}: the real journeys on Temporal's time-skipping server, dry run`,
    `  ${report.cases.simulated} of ${report.cases.available} customers with an order before and after the cutoff; trigger = last order before, next = first after`,
    `  store: ${report.store.importedOrders} orders before the cutoff imported, ${report.store.products} products, ${report.store.minedPairings} pairings mined; ` +
      `${report.simulatedDays.toFixed(0)} days of workflow time`,
    '',
    `journeys ${report.journeys}, emails sent ${report.emailsSent} (${counts(report.sources) || 'none'})`,
    `outcomes: ${counts(report.outcomes)}`,
    '',
    'fulfilment → first email, days    emails    min    p50    p90    max',
    ...Object.entries(report.delays).map(
      ([segment, spread]) =>
        `  ${segment.padEnd(31)}${String(spread.emails).padStart(7)}  ${days(spread.minDays)}  ${days(spread.p50Days)}  ${days(spread.p90Days)}  ${days(spread.maxDays)}`,
    ),
    `  sent before fulfilment + the segment's delay: ${report.sentTooSoon}`,
    '',
    'what was sent vs. what each customer bought next',
    `  next order, all products (${hitRate.nextOrder.cases} customers, ${hitRate.nextOrder.emailed} emailed): ` +
      `first email ${percent(hitRate.nextOrder.firstEmail)}, any email ${percent(hitRate.nextOrder.anyEmail)}, over all customers ${percent(hitRate.nextOrder.anyEmailOverAllCases)}`,
    `  evaluate's protocol (${hitRate.evaluateProtocol.cases} customers, ${hitRate.evaluateProtocol.emailed} emailed): ` +
      `first email ${percent(hitRate.evaluateProtocol.firstEmail)}, any email ${percent(hitRate.evaluateProtocol.anyEmail)}, over all customers ${percent(hitRate.evaluateProtocol.anyEmailOverAllCases)}`,
    `  evaluate's blend, ${ks.map((k) => `HR@${k}`).join(' / ')}:`,
    `    all ${evaluate.customers} customers       ${ks.map((k) => evaluate.blend.all[Number(k)]!.toFixed(3)).join(' / ')}`,
    `    the ${evaluate.simulatedCustomers} simulated ones   ${ks.map((k) => evaluate.blend.simulated[Number(k)]!.toFixed(3)).join(' / ')}`,
    `  evaluate (all customers), HR@5 / HR@10: ${evaluate.rows.map((row) => `${row.model} ${row.hitRate5.toFixed(3)} / ${row.hitRate10.toFixed(3)}`).join('; ')}`,
    '',
    'notes',
    ...report.notes.map((note) => `  - ${note}`),
    '',
  ]
  return lines.join('\n')
}
