import { createWriteStream } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '@crosswise/config'
import { createDatabase, ensureStore, migrateToLatest } from '@crosswise/db'
import { currencySchema, storeIdSchema } from '@crosswise/domain'
import { UsageError, type Command } from '../command.ts'
import { openHistoryFile } from '../import/history-file.ts'
import { HistoryFileError, importHistory, type ImportSummary } from '../import/history-import.ts'
import { formatImportReport } from '../import/import-report.ts'
import { rowFormats, type RowFormat } from '../import/row-formats.ts'
import { ProgressBar } from '../progress-bar.ts'

const usage =
  'crosswise import orders FILE --store ID [--format online-retail|generic] [--currency CODE] [--rejects FILE] [--database-url URL]'

const options = {
  store: { type: 'string' },
  format: { type: 'string' },
  currency: { type: 'string' },
  rejects: { type: 'string' },
  'database-url': { type: 'string' },
} as const

function parse(args: string[]) {
  let parsed
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const [what, file, ...extra] = parsed.positionals
  if (what !== 'orders' || !file || extra.length > 0) throw new UsageError('expected `import orders FILE`')
  const store = storeIdSchema.safeParse(parsed.values.store)
  if (!store.success) throw new UsageError('--store must be a store id: lower-case letters, digits and dashes')
  const format = parsed.values.format
  if (format !== undefined && !(format in rowFormats)) throw new UsageError(`--format must be one of ${Object.keys(rowFormats).join(', ')}`)
  const currency = parsed.values.currency === undefined ? undefined : currencySchema.safeParse(parsed.values.currency)
  if (currency && !currency.success) throw new UsageError('--currency must be a three-letter ISO 4217 code')
  return {
    file,
    storeId: store.data,
    format: format === undefined ? undefined : rowFormats[format as RowFormat['name']],
    currency: currency?.data,
    rejects: parsed.values.rejects,
    databaseUrl: parsed.values['database-url'],
  }
}

const importDetail = (lines: number, orders: number) => `${lines.toLocaleString('en-US')} lines  ${orders.toLocaleString('en-US')} orders`

/**
 * `crosswise import orders FILE`: streams an order history (Online Retail or the generic CSV layout,
 * plain or gzip) into a store, for the recommender to mine. Idempotent: a re-import adds nothing.
 * Starts no journeys.
 */
export const importCommand: Command = {
  name: 'import',
  summary: 'Import order history from CSV (Online Retail or the generic layout; .gz accepted); starts no journeys',
  usage,
  options: [
    'orders FILE          an order history CSV (.gz accepted): Online Retail or the generic layout',
    '--store ID           the store to import into (created when new)',
    '--format NAME        online-retail or generic (default: recognised from the header)',
    '--currency CODE      the orders\' ISO 4217 currency (default GBP for Online Retail, else USD)',
    '--rejects FILE       write every rejected line, with its number and reason, to FILE',
    '--database-url URL   PostgreSQL to use (default DATABASE_URL)',
  ],
  async run(args) {
    const input = parse(args)
    const databaseUrl = input.databaseUrl ?? loadConfig().DATABASE_URL
    if (!databaseUrl) throw new UsageError('set DATABASE_URL or pass --database-url (the `crosswise dev` database: postgres://postgres:crosswise@127.0.0.1:54329/crosswise)')

    const db = createDatabase(databaseUrl, { maxConnections: 2, statementTimeoutMs: 300_000 })
    const rejects = input.rejects ? createWriteStream(input.rejects) : undefined
    rejects?.write('line,reason\n')
    const bar = new ProgressBar()
    const started = Date.now()
    let summary: ImportSummary
    try {
      await migrateToLatest(db)
      const file = await openHistoryFile(input.file)
      const progress = (current: ImportSummary) => {
        const { read, total } = file.progress()
        bar.update({ fraction: total > 0 ? read / total : 0, detail: importDetail(current.lines, current.orders + current.ordersKnown) })
      }
      summary = await importHistory({
        db,
        storeId: input.storeId,
        file,
        ...(input.format ? { format: input.format } : {}),
        // A store first met here is created without an API token: the admin API gives it one later.
        prepare: (format) =>
          ensureStore(db, input.storeId, { name: input.storeId, currency: input.currency ?? (format.name === 'online-retail' ? 'GBP' : 'USD') }),
        onRejection: (rejection) => rejects?.write(`${rejection.line},"${rejection.reason.replaceAll('"', '""')}"\n`),
        onProgress: progress,
      })
      bar.finish({ fraction: 1, detail: importDetail(summary.lines, summary.orders + summary.ordersKnown) })
    } catch (error) {
      if (error instanceof HistoryFileError || (error as NodeJS.ErrnoException).code === 'ENOENT') {
        process.stderr.write(`\ncrosswise import: ${(error as Error).message}\n`)
        return 1
      }
      throw error
    } finally {
      await new Promise<void>((resolve) => (rejects ? rejects.end(resolve) : resolve()))
      await db.destroy()
    }
    process.stdout.write(formatImportReport(summary, { file: basename(input.file), storeId: input.storeId, seconds: (Date.now() - started) / 1000 }))
    return 0
  },
}
