import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client, Connection } from '@temporalio/client'
import { afterAll, describe, expect, it } from 'vitest'
import type { StoreReportView } from '@crosswise/reports'
import { reportCommand } from '../src/commands/report.ts'
import { reviewCommand } from '../src/commands/review.ts'
import { capture } from './capture-output.ts'
import { devStackEnv, startDev, stopStacks, type RunningStack } from './dev-process.ts'
import { visitDashboard } from './dashboard-browser.ts'
import { adminRequest, eventually, testAdminToken } from './test-stack.ts'

describe('crosswise dev on an empty database', () => {
  let dataDir: string | undefined
  const children: RunningStack[] = []
  afterAll(async () => {
    await stopStacks(children, 30_000)
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  })

  it(
    'plays the demo store: journeys at every stage, emails in the ledger; a database with data gets no demo',
    { timeout: 720_000 },
    async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'crosswise-demo-'))
      await chmod(dataDir, 0o755)
      const { env, apiUrl, ports } = await devStackEnv(dataDir, {
        LOG_LEVEL: 'info',
        CROSSWISE_DEMO_WEEKS: '2',
        // Half a year of history imports and mines in half the time, and still pairs most picks.
        CROSSWISE_DEMO_HISTORY_WEEKS: '26',
        CROSSWISE_DEMO_CUSTOMERS: '40',
        CROSSWISE_DEMO_DAY_SECONDS: '2',
      })
      const first = startDev(env)
      children.push(first)
      // Reading, importing and mining a year of orders: minutes on a loaded two-core machine.
      await eventually(
        async () => first.output().includes('demo: replaying'),
        360_000,
        () => `crosswise dev said:\n${first.output().slice(-4000)}`,
      )
      expect(first.output()).toMatch(/demo: store 'demo' \(crosswise-demo\.myshopify\.com\) has [\d,]+ past orders and [\d,]+ products/)
      expect(first.output()).toContain(`http://localhost:${ports.ui}/namespaces/default/workflows?query=`)

      // Emails reach the ledger (dry run), and journeys stand at several stages at once.
      const sends = async () =>
        (
          (await (await adminRequest(apiUrl, 'GET', '/v1/admin/stores/demo/sends')).json()) as {
            sends: Array<{ status: string; pairingSource: string | null }>
          }
        ).sends
      await eventually(async () => (await sends()).filter((send) => send.status === 'sent').length >= 5, 180_000)
      const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` })
      try {
        const client = new Client({ connection })
        const stages = new Set<string>()
        let journeyId = ''
        await eventually(async () => {
          for await (const journey of client.workflow.list({ query: "StoreId = 'demo' AND WorkflowType = 'crossSellJourney'" })) {
            const stage = journey.searchAttributes.JourneyStage?.[0]
            if (typeof stage === 'string') stages.add(stage)
            journeyId = journey.workflowId
          }
          return stages.size >= 3
        }, 120_000)

        // Encrypted in Temporal even in development; the UI's codec endpoint (its credential in the
        // path, kept in the data folder) opens it.
        const history = await client.workflow.getHandle(journeyId).fetchHistory()
        const input = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!
        expect(Buffer.from(input.metadata!.encoding!).toString()).toBe('binary/encrypted')
        const codecToken = (await readFile(join(dataDir, 'codec-token'), 'utf8')).trim()
        const wire = {
          metadata: Object.fromEntries(
            Object.entries(input.metadata!).map(([key, value]) => [key, Buffer.from(value!).toString('base64')]),
          ),
          data: Buffer.from(input.data!).toString('base64'),
        }
        const decoded = await fetch(`${apiUrl}/codec/${codecToken}/decode`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: `http://localhost:${ports.ui}` },
          body: JSON.stringify({ payloads: [wire] }),
        })
        const [plain] = ((await decoded.json()) as { payloads: Array<{ data: string }> }).payloads
        expect(JSON.parse(Buffer.from(plain!.data, 'base64').toString())).toMatchObject({ storeId: 'demo' })
      } finally {
        await connection.close()
      }
      expect((await sends()).every((send) => send.status !== 'sent' || send.pairingSource !== null)).toBe(true)
      // The store was mined before the replay: what goes out is mostly what its customers bought together.
      const sent = (await sends()).filter((send) => send.status === 'sent')
      expect(sent.filter((send) => send.pairingSource === 'mined').length).toBeGreaterThan(sent.length / 2)

      // The demo's experiment and measurement: over ten demo days (20 s) the report fills in, and
      // `crosswise report` prints the lift with its interval and the experiment per variant.
      const report = async () =>
        (await (await adminRequest(apiUrl, 'GET', '/v1/admin/stores/demo/report?window=20s')).json()) as StoreReportView
      await eventually(async () => {
        const current = await report()
        return current.lift !== null && (current.experiment?.variants.every((variant) => variant.sends > 0) ?? false)
      }, 180_000)
      const databaseUrl = `postgres://postgres:crosswise@127.0.0.1:${ports.pg}/crosswise`
      // The demo reviews its pairings when its replay ends; here, as a store owner would, right away.
      await capture(() => reviewCommand.run(['--store', 'demo', '--database-url', databaseUrl]))
      const printed = await capture(() => reportCommand.run(['--store', 'demo', '--window', '20s', '--database-url', databaseUrl]))
      expect(printed.out).toMatch(/holdout lift, 20s after the point of sending \(\d+ emailed, \d+ held out; 95 % intervals\)/)
      expect(printed.out).toMatch(/experiment 'thank-you-grid' \(The pick alone, or a grid of three with 10 % off\)/)
      expect(printed.out).toContain('code THANKS10 (10 % off), grid of 3')
      expect(printed.out).toMatch(/latest pairing review, \d{4}-\d{2}-\d{2}: \d+ pairings read/)

      // The dashboard on the same data, in a real browser, signed in as the operator and as the store.
      const { apiToken } = (await (await adminRequest(apiUrl, 'POST', '/v1/admin/stores/demo/token')).json()) as { apiToken: string }
      const visit = await visitDashboard({
        apiUrl,
        adminToken: testAdminToken,
        storeId: 'demo',
        storeToken: apiToken,
        screenshots: process.env.CROSSWISE_SCREENSHOTS_DIR ?? join(dataDir, 'screenshots'),
      })
      console.log(
        `dashboard: first contentful paint ${visit.firstContentfulPaintMs.toFixed(0)} ms, overview with data ${visit.overviewReadyMs} ms`,
      )

      first.child.kill('SIGINT')
      expect(await first.exited).toBe(0)
      const second = startDev(env)
      children.push(second)
      await eventually(
        async () => second.output().includes('no demo'),
        120_000,
        () => `crosswise dev said:\n${second.output().slice(-4000)}`,
      )
      expect(second.output()).not.toContain('demo: replaying')
      second.child.kill('SIGINT')
      expect(await second.exited).toBe(0)
    },
  )
})
