import { importOrderHistory, type Db, type HistoricalOrder } from '@crosswise/db'
import { csvRecords, ImportFileError, type CsvFile } from './csv-file.ts'
import { tallyRejection, type Rejection, type RejectionTally } from './rejections.ts'
import { detectFormat, type HistoryRow, type RowFormat } from './row-formats.ts'

/** What an import did. Re-importing the same file adds zeros and rejects the same lines. */
export interface ImportSummary extends RejectionTally {
  format: RowFormat['name']
  /** Data lines read (the header excluded). */
  lines: number
  orders: number
  /** Orders in the file that were already stored (a re-import). */
  ordersKnown: number
  orderLines: number
  customers: number
  products: number
}

export interface ImportOptions {
  db: Db
  storeId: string
  file: CsvFile
  /** Forced format; detected from the header when absent. */
  format?: RowFormat
  /** Orders per transaction. */
  batchOrders?: number
  /** Called once the format is known, before the first write (e.g. to create the store). */
  prepare?: (format: RowFormat) => Promise<void>
  onRejection?: (rejection: Rejection) => void
  onProgress?: (summary: ImportSummary) => void
}

/**
 * Streams a history file into the store: lines become orders (lines of one order belong together,
 * and should be adjacent), orders are written in batches by `importOrderHistory`, and bad lines are
 * rejected with their line number. Writes no dispatch: history never starts a journey.
 */
export async function importHistory(options: ImportOptions): Promise<ImportSummary> {
  const batchOrders = options.batchOrders ?? 2_000
  const summary: ImportSummary = {
    format: 'generic',
    lines: 0,
    orders: 0,
    ordersKnown: 0,
    orderLines: 0,
    customers: 0,
    products: 0,
    rejectedByReason: new Map(),
    rejected: 0,
  }
  const reject = (line: number, reason: string) => {
    const rejection: Rejection = { line, reason }
    tallyRejection(summary, rejection)
    options.onRejection?.(rejection)
  }

  let readRow: ((fields: string[]) => ReturnType<ReturnType<RowFormat['open']>>) | undefined
  // Orders of the batch being gathered, in file order; a line joins its order even if not adjacent.
  let batch = new Map<string, HistoricalOrder>()
  const flushed = new Set<string>()
  // One batch is written while the next is read: parsing and PostgreSQL work overlap, and batches
  // still commit one after the other.
  let writing: Promise<void> = Promise.resolve()
  const flush = async () => {
    if (batch.size === 0) return
    const orders = [...batch.values()]
    for (const id of batch.keys()) flushed.add(id)
    batch = new Map()
    await writing
    writing = importOrderHistory(options.db, options.storeId, orders).then((added) => {
      summary.orders += added.orders
      summary.ordersKnown += orders.length - added.orders
      summary.orderLines += added.lines
      summary.customers += added.customers
      summary.products += added.products
    })
    // Marked handled: a failure is raised by the next flush's await, not reported as unhandled first.
    writing.catch(() => undefined)
  }

  let lineNo = 0
  let lastOrderId: string | undefined
  for await (const { line, fields } of csvRecords(options.file.lines)) {
    lineNo = line
    if (line === 1) {
      const format = options.format ?? detectFormat(fields)
      if (!format) throw new ImportFileError('Unknown header: pass --format online-retail or --format generic.')
      summary.format = format.name
      try {
        readRow = format.open(fields)
      } catch (error) {
        throw new ImportFileError(`Not a ${format.name} file: ${(error as Error).message}.`, { cause: error })
      }
      await options.prepare?.(format)
      continue
    }
    summary.lines++
    const result = readRow!(fields)
    if ('rejected' in result) {
      reject(line, result.rejected)
    } else {
      const { orderId } = result.row
      // Flush only as a new order starts, so an order's adjacent lines land in one transaction.
      if (orderId !== lastOrderId && batch.size >= batchOrders && !batch.has(orderId)) await flush()
      lastOrderId = orderId
      const problem = addLine(batch, flushed, result.row)
      if (problem) reject(line, problem)
    }
    if (summary.lines % 5_000 === 0) options.onProgress?.(summary)
  }
  if (lineNo === 0) throw new ImportFileError('The file is empty.')
  await flush()
  await writing
  options.onProgress?.(summary)
  return summary
}

/** Adds a row to its order in the batch; returns why it cannot be added, if it cannot. */
function addLine(batch: Map<string, HistoricalOrder>, flushed: ReadonlySet<string>, row: HistoryRow): string | undefined {
  const order = batch.get(row.orderId)
  if (!order) {
    if (flushed.has(row.orderId)) return 'order already written from earlier lines (keep an order’s lines together)'
    batch.set(row.orderId, {
      orderId: row.orderId,
      customer: { ...(row.customerId ? { id: row.customerId } : {}), ...(row.email ? { email: row.email } : {}) },
      currency: row.currency,
      placedAt: row.placedAt,
      lineItems: [lineOf(row)],
    })
    return undefined
  }
  if ((row.customerId ?? '') !== (order.customer.id ?? '') || (row.email && order.customer.email && row.email !== order.customer.email)) {
    return 'customer differs from the order’s first line'
  }
  if (row.currency !== order.currency) return 'currency differs from the order’s first line'
  order.lineItems.push(lineOf(row))
  return undefined
}

function lineOf(row: HistoryRow): HistoricalOrder['lineItems'][number] {
  return {
    productId: row.productId,
    title: row.title,
    quantity: row.quantity,
    unitPrice: row.unitPrice,
    ...(row.category ? { category: row.category } : {}),
  }
}
