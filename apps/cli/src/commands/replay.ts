import { parseArgs } from 'node:util'
import { loadConfig, temporalSecurity } from '@crosswise/config'
import { createDatabase, getStore, migrateToLatest, type Db } from '@crosswise/db'
import { shopDomainSchema, storeIdSchema } from '@crosswise/domain'
import { mineStorePairings } from '@crosswise/mining'
import { Client, Connection } from '@temporalio/client'
import { z } from 'zod'
import { UsageError, type Command } from '../command.ts'
import { ProgressBar } from '../progress-bar.ts'
import { importRecordedCatalogue } from '../replay/import-recorded-catalogue.ts'
import { importRecordedHistory } from '../replay/import-recorded-history.ts'
import { waitForJourneysToEnd } from '../replay/journeys-end.ts'
import { readRecordedOrders, splitAt, type RecordedOrder } from '../replay/recorded-orders.ts'
import { planReplay } from '../replay/replay-plan.ts'
import { replayReport } from '../replay/replay-report.ts'
import { sendReplay } from '../replay/send-replay.ts'
import { withShopifyProductIds } from '../replay/shopify-ids.ts'

const usage =
  'crosswise replay FILE --store ID --secret SECRET [--api URL] [--from DATE] [--weeks N] [--customers N] [--day-seconds S] [--with-history] [--report] [--database-url URL]'

const day = 86_400_000
const argsSchema = z.object({
  store: storeIdSchema,
  secret: z.string().min(16, 'must be the app secret the store verifies webhooks with'),
  api: z.url().default('http://127.0.0.1:3000'),
  from: z.iso.date('must be a date such as 2011-11-01').optional(),
  weeks: z.coerce.number().int().min(1).max(52).default(4),
  customers: z.coerce.number().int().positive().default(300),
  'day-seconds': z.coerce.number().min(0).max(86_400).default(0),
  'with-history': z.boolean().default(false),
  report: z.boolean().default(false),
  'database-url': z.string().min(1).optional(),
})

function parse(args: string[]) {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        store: { type: 'string' },
        secret: { type: 'string' },
        api: { type: 'string' },
        from: { type: 'string' },
        weeks: { type: 'string' },
        customers: { type: 'string' },
        'day-seconds': { type: 'string' },
        'with-history': { type: 'boolean' },
        report: { type: 'boolean' },
        'database-url': { type: 'string' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const [file, ...extra] = parsed.positionals
  if (!file || extra.length > 0)
    throw new UsageError('expected one FILE: an order history (Online Retail or the generic layout, .gz accepted)')
  const values = argsSchema.safeParse(parsed.values)
  if (!values.success) {
    const issue = values.error.issues[0]!
    throw new UsageError(`--${String(issue.path[0])}: ${issue.message}`)
  }
  return { file, ...values.data }
}

/** Waits for the store's journeys to end, on the Temporal of `TEMPORAL_ADDRESS` (default: the dev stack's). */
async function journeysEnd(db: Db, storeId: string, customerIds: readonly string[], limitMs: number): Promise<boolean> {
  const config = loadConfig()
  const connection = await Connection.connect({
    address: config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.CROSSWISE_TEMPORAL_PORT}`,
    ...(config.TEMPORAL_ADDRESS ? temporalSecurity(config) : {}),
  })
  try {
    const still = await waitForJourneysToEnd(
      db,
      new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
      storeId,
      customerIds,
      limitMs,
    )
    return still.open.length === 0 && still.pending === 0
  } finally {
    await connection.close()
  }
}

async function prepareStore(
  db: Db,
  storeId: string,
  shopDomain: string,
  currency: string,
  past: RecordedOrder[],
  all: RecordedOrder[],
): Promise<void> {
  const imported = await importRecordedHistory(db, storeId, past, currency)
  const products = await importRecordedCatalogue(db, storeId, shopDomain, all, currency)
  const mined = await mineStorePairings(db, storeId)
  process.stdout.write(
    `history: ${imported} orders imported, ${products} products in the catalogue, ${mined.status === 'mined' ? `${mined.pairings} pairings mined` : 'nothing to mine'}\n`,
  )
}

/**
 * `crosswise replay FILE`: plays an order history's latest weeks to a running Crosswise as the signed
 * Shopify webhooks the store's shop would send (orders, fulfilments a few days later, redeliveries,
 * forgeries, early fulfilments, ids above 2^53), optionally after importing the history before them,
 * its catalogue and pairings; with `--report`, waits for the journeys and says what they sent.
 */
export const replayCommand: Command = {
  name: 'replay',
  summary: "Replay an order history's latest weeks to a running Crosswise as signed Shopify webhooks, and report what its journeys sent",
  usage,
  options: [
    'FILE                 an order history (Online Retail or the generic layout, .gz accepted)',
    '--store ID           a store with a Shopify shop domain and webhook secret',
    '--secret SECRET      the app secret the store verifies webhooks with',
    '--api URL            the Crosswise API (default http://127.0.0.1:3000)',
    '--from DATE          replay orders from this day on (default: the last --weeks of the file)',
    "--weeks N            weeks at the file's end to replay (default 4)",
    '--customers N        replay the first N customers to order (default 300)',
    '--day-seconds S      real seconds per day of data time (default 0: as fast as the API answers)',
    '--with-history       first import the orders before --from, their catalogue, and mine them',
    '--report             wait for the journeys to end and report what they sent',
    '--database-url URL   PostgreSQL of the stack (default DATABASE_URL, else the dev stack)',
  ],
  async run(args) {
    const input = parse(args)
    const databaseUrl =
      input['database-url'] ??
      loadConfig().DATABASE_URL ??
      `postgres://postgres:crosswise@127.0.0.1:${loadConfig().CROSSWISE_PG_PORT}/crosswise`
    const db = createDatabase(databaseUrl, { maxConnections: 4, statementTimeoutMs: 300_000 })
    try {
      await migrateToLatest(db)
      const store = await getStore(db, input.store)
      if (!store)
        throw new UsageError(`store '${input.store}' does not exist: create it with its Shopify domain and secret (POST /v1/admin/stores)`)
      const shop = shopDomainSchema.safeParse(store.shopify?.domain)
      if (!shop.success)
        throw new UsageError(`store '${input.store}' has no Shopify shop to replay as: set its shopify.domain and webhookSecret`)

      const orders = withShopifyProductIds(await readRecordedOrders(input.file))
      if (orders.length === 0) throw new UsageError(`${input.file} holds no orders`)
      const from = input.from ? Date.parse(`${input.from}T00:00:00Z`) : orders.at(-1)!.placedAt - input.weeks * 7 * day
      const { past, replayed } = splitAt(orders, from, input.customers)
      if (input['with-history']) await prepareStore(db, input.store, shop.data, store.currency, past, orders)

      const plan = planReplay(replayed, { currency: store.currency })
      process.stdout.write(
        `replay: ${replayed.length} orders of ${plan.customers} customers from ${new Date(from).toISOString().slice(0, 10)}, ${plan.deliveries.length} webhooks to ${input.api}\n`,
      )
      const bar = new ProgressBar()
      const answers = await sendReplay(plan, {
        apiUrl: input.api,
        shopDomain: shop.data,
        secret: input.secret,
        secondsPerDay: input['day-seconds'],
        onAnswered: (answered, total) => bar.update({ fraction: answered / total, detail: `${answered} / ${total} webhooks` }),
      })
      bar.finish({ fraction: 1, detail: `${plan.deliveries.length} webhooks in ${answers.seconds.toFixed(1)} s` })
      process.stdout.write(
        `answers: ${answers.accepted} taken, ${answers.failed} failed, ${answers.recognised} redeliveries recognised (${answers.duplicatesTaken} not), ` +
          `${answers.refused} forgeries refused (${answers.forgeriesTaken} not)\n${answers.problems.map((problem) => `  ${problem}\n`).join('')}`,
      )
      if (!input.report) return answers.failed + answers.duplicatesTaken + answers.forgeriesTaken === 0 ? 0 : 1

      process.stdout.write('report: waiting for the journeys to end …\n')
      const settled = await journeysEnd(db, input.store, [...new Set(replayed.map((order) => order.customerId))], 30 * 60_000)
      const fulfilled = new Set([...plan.fulfilled].map((orderId) => plan.shopifyIds.get(orderId)!))
      const report = await replayReport(db, input.store, replayed, fulfilled)
      process.stdout.write(
        [
          `report${settled ? '' : ' (journeys still running after 30 minutes)'}:`,
          `  customers ${report.customers}, fulfilled ${report.fulfilled}, held out ${report.heldOut}, eligible ${report.eligible}`,
          `  emailed ${report.emailed} of ${report.eligible} eligible (${(report.emailedShare * 100).toFixed(1)} %)`,
          `  ledger ${JSON.stringify(report.ledger)}, picks by source ${JSON.stringify(report.sources)}`,
          `  emails recommending an owned product: ${report.ownedRecommended}; sent before fulfilment + delay: ${report.sentTooSoon}`,
          '',
        ].join('\n'),
      )
      return 0
    } finally {
      await db.destroy()
    }
  },
}
