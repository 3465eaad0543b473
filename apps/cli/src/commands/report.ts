import { loadConfig } from '@crosswise/config'
import { createDatabase, getStore } from '@crosswise/db'
import { storeIdSchema, timeSpanSchema } from '@crosswise/domain'
import { loadStoreReport, storeReportView } from '@crosswise/reports'
import { z } from 'zod'
import { UsageError, type Command } from '../command.ts'
import { parseOptions } from '../command-options.ts'
import { reportText } from '../report/report-text.ts'

const usage = 'crosswise report --store ID [--since DATE] [--window 30d] [--as-of DATE] [--json] [--database-url URL]'

const argsSchema = z.object({
  store: z.string({ error: 'is required: the store to report on' }).pipe(storeIdSchema),
  since: z.iso.date('must be a date such as 2026-11-01').optional(),
  window: z.string().default('30d').pipe(timeSpanSchema),
  'as-of': z.iso.datetime({ offset: true, error: 'must be a time such as 2026-12-01T00:00:00Z' }).optional(),
  'database-url': z.string().min(1).optional(),
  json: z.boolean().default(false),
})

const parse = (args: string[]) => parseOptions(args, argsSchema)

/** `crosswise report --store ID`: the funnel, the holdout lift, each pairing's results and the latest review. */
export const reportCommand: Command = {
  name: 'report',
  summary:
    "Show what a store's cross-sell earns: the journey funnel, holdout lift with 95 % intervals, results per pairing, the latest pairing review",
  usage,
  options: [
    '--store ID           the store to report on',
    '--since DATE         only orders and emails from this day on (default: all)',
    '--window SPAN        how long after the point of sending a purchase counts for the lift: 30d (default), 12h, 90m',
    '--as-of TIME         count lift windows closed by this time (default now)',
    '--json               print the report as JSON',
    '--database-url URL   PostgreSQL to read (default DATABASE_URL, else the dev stack)',
  ],
  async run(args) {
    const input = parse(args)
    const storeId = input.store
    const since = new Date(input.since ? `${input.since}T00:00:00Z` : 0)
    const asOf = input['as-of'] ? new Date(input['as-of']) : new Date()
    const config = loadConfig()
    const db = createDatabase(
      input['database-url'] ?? config.DATABASE_URL ?? `postgres://postgres:crosswise@127.0.0.1:${config.CROSSWISE_PG_PORT}/crosswise`,
      { maxConnections: 3 },
    )
    try {
      const store = await getStore(db, storeId)
      if (!store) throw new UsageError(`store '${storeId}' does not exist`)
      const report = await loadStoreReport(db, storeId, { since, windowMs: input.window, asOf })
      const heading = `Cross-sell report of ${store.name} (${storeId}), ${input.since ? `since ${input.since}` : 'all time'}, amounts in ${store.currency}`
      process.stdout.write(
        input.json
          ? `${JSON.stringify({ storeId, currency: store.currency, ...storeReportView(report) }, null, 2)}\n`
          : reportText(report, heading),
      )
      return 0
    } finally {
      await db.destroy()
    }
  },
}
