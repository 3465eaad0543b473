import type { ImportSummary } from './history-import.ts'
import type { ProductImportSummary } from './products/product-import.ts'
import type { RejectionTally } from './rejections.ts'

const number = (value: number) => value.toLocaleString('en-US')

/** Where an import read from and wrote to, and how long it took. */
export interface ImportContext {
  file: string
  storeId: string
  seconds: number
}

/** An import's summary: a heading, labelled counts, rejected lines by reason (first line of each), a closing note. */
function formatReport(heading: string, counts: [string, string][], tally: RejectionTally, closing: string): string {
  const width = Math.max(...counts.map(([label]) => label.length), 'lines rejected'.length)
  const lines = [
    heading,
    ...counts.map(([label, value]) => `  ${label.padEnd(width)}   ${value}`),
    `  ${'lines rejected'.padEnd(width)}   ${number(tally.rejected)}`,
  ]
  const reasons = [...tally.rejectedByReason].sort(([, a], [, b]) => b.count - a.count)
  const shown = 15
  for (const [reason, { count, firstLine }] of reasons.slice(0, shown)) {
    lines.push(`    ${number(count).padStart(9)}  ${reason} (first at line ${number(firstLine)})`)
  }
  if (reasons.length > shown) lines.push(`    … ${reasons.length - shown} more reasons; --rejects FILE lists every line`)
  lines.push(`  ${closing}`)
  return `${lines.join('\n')}\n`
}

/** The summary `crosswise import orders` prints. */
export function formatImportReport(summary: ImportSummary, context: ImportContext): string {
  return formatReport(
    `Imported ${context.file} into store '${context.storeId}' (${summary.format} format) in ${context.seconds.toFixed(1)} s`,
    [
      ['lines read', number(summary.lines)],
      ['orders', `${number(summary.orders)} new, ${number(summary.ordersKnown)} already stored`],
      ['order lines', `${number(summary.orderLines)} new`],
      ['customers', `${number(summary.customers)} new`],
      ['products', `${number(summary.products)} new`],
    ],
    summary,
    'History import starts no journeys.',
  )
}

/** The summary `crosswise import products` prints. */
export function formatProductImportReport(summary: ProductImportSummary, context: ImportContext): string {
  return formatReport(
    `Imported ${context.file} into the catalogue of store '${context.storeId}' (${summary.format} format) in ${context.seconds.toFixed(1)} s`,
    [
      ['rows read', number(summary.rows)],
      ['products', `${number(summary.added)} new, ${number(summary.updated)} updated, ${number(summary.unchanged)} unchanged`],
      ['available', `${number(summary.available)} (${number(summary.unavailable)} not available)`],
      ['without page', number(summary.withoutPage)],
    ],
    summary,
    summary.withoutPage > 0
      ? 'Products without a page are never recommended: give them a url, or the store a product URL template (--url-template).'
      : 'Every imported product has a page to link to.',
  )
}
