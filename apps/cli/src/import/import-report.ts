import type { ImportSummary } from './history-import.ts'

const number = (value: number) => value.toLocaleString('en-US')

/** The summary an import prints: counts, then rejected lines by reason with the first line number of each. */
export function formatImportReport(summary: ImportSummary, context: { file: string; storeId: string; seconds: number }): string {
  const lines = [
    `Imported ${context.file} into store '${context.storeId}' (${summary.format} format) in ${context.seconds.toFixed(1)} s`,
    `  lines read       ${number(summary.lines)}`,
    `  orders           ${number(summary.orders)} new, ${number(summary.ordersKnown)} already stored`,
    `  order lines      ${number(summary.orderLines)} new`,
    `  customers        ${number(summary.customers)} new`,
    `  products         ${number(summary.products)} new`,
    `  lines rejected   ${number(summary.rejected)}`,
  ]
  const reasons = [...summary.rejectedByReason].sort(([, a], [, b]) => b.count - a.count)
  const shown = 15
  for (const [reason, { count, firstLine }] of reasons.slice(0, shown)) {
    lines.push(`    ${number(count).padStart(9)}  ${reason} (first at line ${number(firstLine)})`)
  }
  if (reasons.length > shown) lines.push(`    … ${reasons.length - shown} more reasons; --rejects FILE lists every line`)
  lines.push('  History import starts no journeys.')
  return `${lines.join('\n')}\n`
}
