import { createWriteStream } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '@crosswise/config'
import { createDatabase, ensureStore, migrateToLatest, updateStore, type Db } from '@crosswise/db'
import { currencySchema, productUrlTemplateSchema, storeIdSchema } from '@crosswise/domain'
import { UsageError, type Command } from '../command.ts'
import { ImportFileError, openCsvFile, type CsvFile } from '../import/csv-file.ts'
import { importHistory } from '../import/history-import.ts'
import { formatImportReport, formatProductImportReport, type ImportContext } from '../import/import-report.ts'
import { importProducts } from '../import/products/product-import.ts'
import { productFormats } from '../import/products/product-formats.ts'
import type { Rejection } from '../import/rejections.ts'
import { rowFormats } from '../import/row-formats.ts'
import { ProgressBar } from '../progress-bar.ts'

const usage = [
  'crosswise import orders FILE --store ID [--format online-retail|generic] [--currency CODE] [--rejects FILE] [--database-url URL]',
  'crosswise import products FILE --store ID [--format shopify|generic] [--url-template TEMPLATE] [--currency CODE] [--rejects FILE] [--database-url URL]',
].join('\n')

const options = {
  store: { type: 'string' },
  format: { type: 'string' },
  currency: { type: 'string' },
  rejects: { type: 'string' },
  'url-template': { type: 'string' },
  'database-url': { type: 'string' },
} as const

const kinds = { orders: rowFormats, products: productFormats } as const

function parse(args: string[]) {
  let parsed
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const [what, file, ...extra] = parsed.positionals
  if ((what !== 'orders' && what !== 'products') || !file || extra.length > 0)
    throw new UsageError('expected `import orders FILE` or `import products FILE`')
  const store = storeIdSchema.safeParse(parsed.values.store)
  if (!store.success) throw new UsageError('--store must be a store id: lower-case letters, digits and dashes')
  const format = parsed.values.format
  if (format !== undefined && !(format in kinds[what]))
    throw new UsageError(`--format must be one of ${Object.keys(kinds[what]).join(', ')} for ${what}`)
  const currency = parsed.values.currency === undefined ? undefined : currencySchema.safeParse(parsed.values.currency)
  if (currency && !currency.success) throw new UsageError('--currency must be a three-letter ISO 4217 code')
  const template = parsed.values['url-template']
  if (template !== undefined && what !== 'products') throw new UsageError('--url-template belongs to `import products`')
  const urlTemplate = template === undefined ? undefined : productUrlTemplateSchema.safeParse(template)
  if (urlTemplate && !urlTemplate.success)
    throw new UsageError(`--url-template ${urlTemplate.error.issues[0]?.message}, e.g. https://shop.example.com/products/{handle}`)
  return {
    what,
    file,
    storeId: store.data,
    format,
    currency: currency?.data,
    urlTemplate: urlTemplate?.data,
    rejects: parsed.values.rejects,
    databaseUrl: parsed.values['database-url'],
  }
}

type Input = ReturnType<typeof parse>

/** What one kind of import needs from the shared run: the database, the file, where to report. */
interface ImportRun {
  db: Db
  file: CsvFile
  onRejection: (rejection: Rejection) => void
  /** Redraws the progress bar with counts worth watching. */
  progress: (detail: string) => void
  /** Creates the store unless it exists (no API token: the admin API gives it one later). */
  ensureStore: (defaultCurrency: string) => Promise<void>
}

const count = (value: number) => value.toLocaleString('en-US')

async function importOrderFile(input: Input, run: ImportRun, context: Omit<ImportContext, 'seconds'>, started: number): Promise<string> {
  const summary = await importHistory({
    db: run.db,
    storeId: input.storeId,
    file: run.file,
    ...(input.format ? { format: rowFormats[input.format as keyof typeof rowFormats] } : {}),
    prepare: (format) => run.ensureStore(format.name === 'online-retail' ? 'GBP' : 'USD'),
    onRejection: run.onRejection,
    onProgress: (current) => run.progress(`${count(current.lines)} lines  ${count(current.orders + current.ordersKnown)} orders`),
  })
  return formatImportReport(summary, { ...context, seconds: (Date.now() - started) / 1000 })
}

async function importProductFile(input: Input, run: ImportRun, context: Omit<ImportContext, 'seconds'>, started: number): Promise<string> {
  const summary = await importProducts({
    db: run.db,
    storeId: input.storeId,
    file: run.file,
    ...(input.format ? { format: productFormats[input.format as keyof typeof productFormats] } : {}),
    prepare: async () => {
      await run.ensureStore('USD')
      // Set before the first write, so the report's "without page" already counts with it.
      if (input.urlTemplate) await updateStore(run.db, input.storeId, { productUrlTemplate: input.urlTemplate })
    },
    onRejection: run.onRejection,
    onProgress: (current) =>
      run.progress(`${count(current.rows)} rows  ${count(current.added + current.updated + current.unchanged)} products`),
  })
  return formatProductImportReport(summary, { ...context, seconds: (Date.now() - started) / 1000 })
}

/**
 * `crosswise import orders|products FILE`: streams an order history (Online Retail or the generic
 * layout) or a catalogue (Shopify's product export or the generic layout), plain or gzip, into a
 * store. Idempotent: a re-import adds nothing. Starts no journeys.
 */
export const importCommand: Command = {
  name: 'import',
  summary: 'Import order history or a product catalogue from CSV (.gz accepted); starts no journeys',
  usage,
  options: [
    'orders FILE              an order history: Online Retail or the generic layout',
    "products FILE            a catalogue: Shopify's product export or the generic layout",
    '--store ID               the store to import into; created (without an API token) when new',
    '--format NAME            the file layout; detected from the header when left out',
    "--currency CODE          the store's currency when the import creates it (orders: GBP for Online Retail, else USD)",
    "--url-template TEMPLATE  products: set the store's product page address, with {handle} and/or {id} in it",
    '--rejects FILE           write every rejected line (line number, reason) to FILE as CSV',
    '--database-url URL       PostgreSQL to import into (default: DATABASE_URL)',
  ],
  async run(args) {
    const input = parse(args)
    const databaseUrl = input.databaseUrl ?? loadConfig().DATABASE_URL
    if (!databaseUrl)
      throw new UsageError(
        'set DATABASE_URL or pass --database-url (the `crosswise dev` database: postgres://postgres:crosswise@127.0.0.1:54329/crosswise)',
      )

    const db = createDatabase(databaseUrl, { maxConnections: 2, statementTimeoutMs: 300_000 })
    const rejects = input.rejects ? createWriteStream(input.rejects) : undefined
    rejects?.write('line,reason\n')
    const bar = new ProgressBar()
    const started = Date.now()
    let report: string
    try {
      await migrateToLatest(db)
      const file = await openCsvFile(input.file)
      let detail = ''
      const fraction = () => {
        const { read, total } = file.progress()
        return total > 0 ? read / total : 0
      }
      const run: ImportRun = {
        db,
        file,
        onRejection: (rejection) => rejects?.write(`${rejection.line},"${rejection.reason.replaceAll('"', '""')}"\n`),
        progress: (next) => bar.update({ fraction: fraction(), detail: (detail = next) }),
        ensureStore: (currency) => ensureStore(db, input.storeId, { name: input.storeId, currency: input.currency ?? currency }),
      }
      const context = { file: basename(input.file), storeId: input.storeId }
      report = await (input.what === 'orders' ? importOrderFile : importProductFile)(input, run, context, started)
      bar.finish({ fraction: 1, detail })
    } catch (error) {
      if (error instanceof ImportFileError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
        process.stderr.write(`\ncrosswise import: ${(error as Error).message}\n`)
        return 1
      }
      throw error
    } finally {
      await new Promise<void>((resolve) => (rejects ? rejects.end(resolve) : resolve()))
      await db.destroy()
    }
    process.stdout.write(report)
    return 0
  },
}
