import { join } from 'node:path'
import { workspaceRoot } from '@crosswise/config'
import type { Db } from '@crosswise/db'
import { mineStorePairings } from '@crosswise/mining'
import { importRecordedCatalogue } from '../replay/import-recorded-catalogue.ts'
import { importRecordedHistory } from '../replay/import-recorded-history.ts'
import { readRecordedOrders, splitAt } from '../replay/recorded-orders.ts'
import { withShopifyProductIds } from '../replay/shopify-ids.ts'
import { planReplay } from '../replay/replay-plan.ts'
import { sendReplay } from '../replay/send-replay.ts'
import { compressedPolicy } from './compressed-policy.ts'
import { createDemoStore, demoExperiment, demoShop, reviewDemoPairings } from './demo-store.ts'
import { simulateEngagement } from './simulated-engagement.ts'

/** How the demo runs: where the stack is, how much it replays, how fast. */
export interface DemoOptions {
  db: Db
  apiUrl: string
  adminToken: string
  temporalUiUrl: string | undefined
  secondsPerDay: number
  weeks: number
  /** Weeks of history before the replayed ones to import and mine; all when absent. */
  historyWeeks?: number
  customers: number
  signal: AbortSignal
  say: (line: string) => void
}

const day = 86_400_000

/** The shipped data the demo plays: the Online Retail orders, in the repository. */
export const demoDataFile = () => join(workspaceRoot(), 'data', 'online-retail', 'online-retail.csv.gz')

/**
 * The demo of `npm run dev` on an empty database: a Shopify store selling the Online Retail catalogue,
 * its history before the last `weeks` imported and mined, then those weeks' orders of the first
 * `customers` customers replayed as signed webhooks through the API in compressed time, with simulated
 * opens, clicks and purchases, so journeys fill the Temporal UI and the ledger at every stage.
 */
export async function runDemo(options: DemoOptions): Promise<void> {
  const { db, say, secondsPerDay } = options
  const shop = demoShop()
  say(`demo: reading the Online Retail orders shipped in data/online-retail/ (CROSSWISE_DEMO=off skips the demo)`)
  // Shopify names products by number: the shop's webhooks, history and catalogue all use its ids.
  const orders = withShopifyProductIds(await readRecordedOrders(demoDataFile()))
  const end = orders.at(-1)!.placedAt
  const from = end - options.weeks * 7 * day
  const { past: allPast, replayed } = splitAt(orders, from, options.customers)
  const historyFrom = options.historyWeeks === undefined ? Number.NEGATIVE_INFINITY : from - options.historyWeeks * 7 * day
  const past = allPast.filter((order) => order.placedAt >= historyFrom)
  await createDemoStore(options.apiUrl, options.adminToken, shop, compressedPolicy(secondsPerDay))
  const imported = await importRecordedHistory(db, shop.storeId, past, 'GBP')
  const products = await importRecordedCatalogue(db, shop.storeId, shop.shopDomain, orders, 'GBP')
  say(
    `demo: store '${shop.storeId}' (${shop.shopDomain}) has ${imported.toLocaleString('en-US')} past orders and ${products.toLocaleString('en-US')} products`,
  )
  // Mined before the replay starts: journeys that picked while mining ran got the store's best
  // sellers, and on a busy two-core machine that was most of the demo.
  say('demo: mining the past orders (about a minute) so the journeys recommend what customers bought together')
  const mined = await mineStorePairings(db, shop.storeId, { signal: options.signal })
  if (options.signal.aborted) return
  if (mined.status === 'mined') {
    say(
      `demo: mined ${mined.pairings.toLocaleString('en-US')} pairings from the past orders (as \`crosswise mine\` does; the worker refreshes nightly)`,
    )
  }

  const plan = planReplay(replayed, { currency: 'GBP' })
  const ui = options.temporalUiUrl ?? 'your Temporal UI'
  say(
    [
      `demo: replaying ${replayed.length} orders of ${plan.customers} customers from the last ${options.weeks} weeks as Shopify webhooks, a day every ${secondsPerDay} s`,
      `demo: journeys:   ${ui}/namespaces/default/workflows?query=${encodeURIComponent("StoreId = 'demo'")}`,
      `demo: the ledger: curl -H "authorization: Bearer $(cat .data/admin-token)" ${options.apiUrl}/v1/admin/stores/demo/sends`,
      `demo: the store runs the experiment '${demoExperiment.id}' (${demoExperiment.name})`,
      // A demo month lasts 30 demo days: the report's lift window is given in the demo's time.
      `demo: results: pnpm crosswise report --store demo --window ${30 * secondsPerDay}s   (a demo month; the lift appears once the first windows close)`,
    ].join('\n'),
  )
  const engagement = simulateEngagement(db, shop.storeId, {
    secondsPerDay,
    signal: options.signal,
    onError: (error) => say(`demo: a simulated reaction was lost: ${error.message}`),
  })
  const replayStart = Date.now()
  let lastWeek = 0
  const answers = await sendReplay(plan, {
    apiUrl: options.apiUrl,
    shopDomain: shop.shopDomain,
    secret: shop.secret,
    secondsPerDay,
    signal: options.signal,
    onAnswered: (answered, total) => {
      const week = Math.floor((Date.now() - replayStart) / 1000 / secondsPerDay / 7)
      if (week > lastWeek) say(`demo: week ${week} of ${options.weeks} replayed (${answered} of ${total} webhooks sent)`)
      lastWeek = week
    },
  })
  if (options.signal.aborted) return
  say(
    `demo: replay done in ${Math.round(answers.seconds)} s: ${answers.accepted} webhooks taken, ${answers.recognised} redeliveries recognised, ` +
      `${answers.refused} forgeries refused${answers.failed ? `, ${answers.failed} failed (${answers.problems.join('; ')})` : ''}; journeys go on for a few more days of demo time`,
  )
  const reviewed = await reviewDemoPairings(options.apiUrl, options.adminToken, shop)
  say(`demo: pairing review run (as the worker does monthly): ${reviewed} pairings read; \`pnpm crosswise report --store demo\` shows it`)
  await engagement
}
