import { importCatalogue, type CatalogueEntry, type Db } from '@crosswise/db'
import { csvRecords, ImportFileError, type CsvFile } from '../csv-file.ts'
import { tallyRejection, type Rejection, type RejectionTally } from '../rejections.ts'
import { addToDraft, finishDraft, startDraft, type ProductDraft } from './product-draft.ts'
import type { ProductFormat } from './product-format.ts'
import { detectProductFormat } from './product-formats.ts'

/** What a product import did. Re-importing the same file counts every product unchanged. */
export interface ProductImportSummary extends RejectionTally {
  format: ProductFormat['name']
  /** Data rows read (the header excluded). */
  rows: number
  added: number
  updated: number
  unchanged: number
  /** Of the file's products as now stored. */
  available: number
  unavailable: number
  /** Products with no page to link to: they are never recommended until they get one. */
  withoutPage: number
}

export interface ProductImportOptions {
  db: Db
  storeId: string
  file: CsvFile
  /** Forced format; detected from the header when absent. */
  format?: ProductFormat
  /** Products per transaction. */
  batchProducts?: number
  /** Called once the format is known, before the first write (e.g. to create the store). */
  prepare?: (format: ProductFormat) => Promise<void>
  onRejection?: (rejection: Rejection) => void
  onProgress?: (summary: ProductImportSummary) => void
}

/**
 * Streams a product file into the store's catalogue. Rows gather into products by key (Shopify's
 * handle, the generic product_id); a product is held only until the batch it belongs to is written, so
 * memory stays at one batch of products however long the file. The rows of a product are expected
 * together, as Shopify exports them: rows apart still meet while their product's batch is open, and a
 * row whose product was already written is rejected. Bad rows are rejected with their line number.
 */
export async function importProducts(options: ProductImportOptions): Promise<ProductImportSummary> {
  const batchProducts = options.batchProducts ?? 1_000
  const summary: ProductImportSummary = {
    format: 'generic',
    rows: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    available: 0,
    unavailable: 0,
    withoutPage: 0,
    rejected: 0,
    rejectedByReason: new Map(),
  }
  const reject = (line: number, reason: string) => {
    const rejection: Rejection = { line, reason }
    tallyRejection(summary, rejection)
    options.onRejection?.(rejection)
  }

  let format: ProductFormat | undefined
  let readRow: ReturnType<ProductFormat['open']> | undefined
  let batch = new Map<string, ProductDraft>()
  // Keys of products already written: a small string each, never their rows.
  const written = new Set<string>()
  // One batch is written while the next is read; batches still commit one after the other.
  let writing: Promise<void> = Promise.resolve()
  const flush = async () => {
    if (batch.size === 0) return
    const entries: CatalogueEntry[] = []
    for (const draft of batch.values()) {
      written.add(draft.key)
      const finished = finishDraft(draft)
      if ('entry' in finished) entries.push(finished.entry)
      else for (const line of draft.lines) reject(line, finished.rejected)
    }
    batch = new Map()
    await writing
    writing = importCatalogue(options.db, options.storeId, entries).then((counts) => {
      summary.added += counts.added
      summary.updated += counts.updated
      summary.unchanged += counts.unchanged
      summary.available += counts.available
      summary.unavailable += counts.unavailable
      summary.withoutPage += counts.withoutPage
    })
    // Marked handled: a failure is raised by the next flush's await, not reported as unhandled first.
    writing.catch(() => undefined)
  }

  let lastKey: string | undefined
  for await (const { line, fields } of csvRecords(options.file.lines)) {
    if (line === 1) {
      format = options.format ?? detectProductFormat(fields)
      if (!format) throw new ImportFileError('Unknown header: pass --format shopify or --format generic.')
      summary.format = format.name
      try {
        readRow = format.open(fields)
      } catch (error) {
        throw new ImportFileError(`Not a ${format.name} product file: ${(error as Error).message}.`, { cause: error })
      }
      await options.prepare?.(format)
      continue
    }
    summary.rows++
    const result = readRow!(fields)
    if ('rejected' in result) {
      reject(line, result.rejected)
    } else {
      const { key } = result.row
      // Write only as a new product starts, so the rows of the product being read stay together.
      if (key !== lastKey && batch.size >= batchProducts && !batch.has(key)) await flush()
      lastKey = key
      const draft = batch.get(key)
      if (draft) {
        const problem = addToDraft(draft, result.row, line)
        if (problem) reject(line, problem)
      } else if (written.has(key)) {
        reject(
          line,
          format!.rowsPerProduct === 'one'
            ? `${format!.keyColumn}: the same product as an earlier line (one row per product)`
            : `${format!.keyColumn}: its product was written from earlier rows (keep a product’s rows together)`,
        )
      } else {
        batch.set(key, startDraft(result.row, line, format!))
      }
    }
    if (summary.rows % 5_000 === 0) options.onProgress?.(summary)
  }
  if (!format) throw new ImportFileError('The file is empty.')
  await flush()
  await writing
  options.onProgress?.(summary)
  return summary
}
