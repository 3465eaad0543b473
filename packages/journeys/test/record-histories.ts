// Records real histories of every journey branch for the replay test: runs each scenario on a fresh
// Temporal dev server with scripted activities and writes each run's history to histories/{set}/,
// where the set names the code that recorded it (`--set 2026-12-06`, default today's date). Existing
// files are kept (histories of older code are the point of the replay test); `--overwrite` replaces
// them. Run it into a new set when a patch changes the command sequence, so both branches stay
// recorded, and when a branch is added (`pnpm --filter @crosswise/journeys record-histories`), never
// to "fix" a failing replay: a replay failure means the change needs `patched()` (README).
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { loadConfig, workspaceRoot } from '@crosswise/config'
import { journeySearchAttributes } from '@crosswise/domain'
import { freePort, startTemporalDevServer, temporalCliPath } from '@crosswise/local-stack'
import { Client, Connection } from '@temporalio/client'
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js'
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker'
import { stopJourneyUpdate } from '../src/index.ts'
import { bundleJourney, JourneyUnderTest, type JourneyServer } from './journey-harness.ts'
import { instantPolicy, pairing, ScriptedActivities, type Script } from './scripted-activities.ts'

const opened = { opened: true, clicked: false, purchased: false }
const clicked = { opened: true, clicked: true, purchased: false }
const purchased = { opened: true, clicked: true, purchased: true }
const waiting = { ...instantPolicy, fulfillment: { timeoutMs: 60_000, onTimeout: 'end' as const, partial: 'proceed' as const } }
const polling = { ...instantPolicy, engagement: { waitMs: 2_000, followUpDelayMs: 0, pollIntervalMs: 500 } }

interface Scenario {
  name: string
  script: Script
  act(journey: JourneyUnderTest): Promise<void>
}

const orderAndFulfil = async (journey: JourneyUnderTest) => {
  await journey.order('1001')
  await journey.fulfil('1001')
}

const setFlag = process.argv.indexOf('--set')
const set = setFlag > 0 ? process.argv[setFlag + 1]! : new Date().toISOString().slice(0, 10)
const setDir = new URL(`./histories/${set}/`, import.meta.url)

const scenarios: Scenario[] = [
  { name: 'converted', script: { policy: polling, engagement: [opened, purchased] }, act: orderAndFulfil },
  {
    name: 'follow-up-then-not-purchased',
    script: { policy: { ...polling, maxEmailsPerJourney: 3 }, engagement: [clicked, clicked] },
    act: orderAndFulfil,
  },
  { name: 'alternative-then-not-opened', script: { policy: polling }, act: orderAndFulfil },
  { name: 'not-clicked', script: { engagement: [opened] }, act: orderAndFulfil },
  {
    name: 'converted-by-order',
    script: {
      policy: { ...polling, onRepeatPurchase: 'end', engagement: { waitMs: 60_000, followUpDelayMs: 0, pollIntervalMs: 60_000 } },
      pairings: [pairing('kettle')],
    },
    async act(journey) {
      await orderAndFulfil(journey)
      await journey.wait(1_000)
      await journey.order('1002', ['kettle-a'])
    },
  },
  {
    name: 'restarted-on-repeat-purchase',
    script: { policy: waiting, engagement: [opened] },
    async act(journey) {
      await journey.order('1001')
      await journey.wait(500)
      await journey.order('1002')
      await journey.wait(500)
      await journey.fulfil('1002')
    },
  },
  {
    name: 'bought-again-end',
    script: { policy: { ...waiting, onRepeatPurchase: 'end' } },
    async act(journey) {
      await journey.order('1001')
      await journey.wait(500)
      await journey.order('1002')
    },
  },
  { name: 'cancelled', script: { policy: waiting }, act: async (journey) => (await journey.order('1001'), journey.cancel('1001')) },
  {
    name: 'never-fulfilled',
    script: { policy: { ...instantPolicy, fulfillment: { timeoutMs: 500, onTimeout: 'end' } } },
    act: (journey) => journey.order('1001'),
  },
  {
    name: 'fulfilled-before-order',
    script: { engagement: [opened] },
    act: async (journey) => (await journey.fulfil('1001'), journey.order('1001')),
  },
  { name: 'held-out', script: { checks: [{ verdict: 'held-out' }] }, act: orderAndFulfil },
  { name: 'no-consent', script: { checks: [{ verdict: 'no-consent', reason: 'suppressed' }] }, act: orderAndFulfil },
  { name: 'capped-then-sent', script: { checks: [{ verdict: 'capped', notBeforeMs: 0 }], engagement: [opened] }, act: orderAndFulfil },
  { name: 'nothing-to-recommend', script: { pairings: [null] }, act: orderAndFulfil },
  { name: 'send-failed', script: { sendRejected: true }, act: orderAndFulfil },
  { name: 'consent-check-refused', script: { checkFailure: 'KlaviyoRejectedError' }, act: orderAndFulfil },
  { name: 'engagement-read-refused', script: { engagementFailure: 'KlaviyoRejectedError' }, act: orderAndFulfil },
  {
    name: 'stopped',
    script: { policy: waiting },
    async act(journey) {
      await journey.order('1001')
      await journey.wait(500)
      await journey.handle().executeUpdate(stopJourneyUpdate, { args: [{ reason: 'unsubscribed' }] })
    },
  },
  {
    name: 'redacted',
    script: { policy: waiting },
    async act(journey) {
      await journey.order('1001')
      await journey.signalWithStart('customerRedacted', { eventKey: 'redaction:1' })
    },
  },
]

Runtime.install({ logger: new DefaultLogger('WARN') })
const server = await startTemporalDevServer({
  binary: temporalCliPath(loadConfig().toolsDir),
  port: await freePort(),
  searchAttributes: journeySearchAttributes,
})
const connection = await Connection.connect({ address: server.address })
const nativeConnection = await NativeConnection.connect({ address: server.address })
const client = new Client({ connection })
const scripted = new ScriptedActivities(async () => Date.now())
const target: JourneyServer = {
  client: client.workflow,
  taskQueue: 'record-histories',
  scripted,
  now: async () => Date.now(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}
const worker = await Worker.create({
  connection: nativeConnection,
  taskQueue: target.taskQueue,
  workflowBundle: await bundleJourney(),
  activities: scripted.activities(),
})
const running = worker.run()
await mkdir(setDir, { recursive: true })
try {
  for (const scenario of scenarios) {
    const journey = JourneyUnderTest.create(target, scenario.script)
    await scenario.act(journey)
    const outcome = await journey.result()
    const runs = [journey.firstRunId]
    const last = (await journey.handle().describe()).runId
    if (last !== journey.firstRunId) runs.push(last)
    for (const [index, runId] of runs.entries()) {
      const history = await client.workflow.getHandle(journey.workflowId, runId).fetchHistory()
      const file = new URL(`${scenario.name}${index > 0 ? `-run-${index + 1}` : ''}.json`, setDir)
      if (existsSync(file) && !process.argv.includes('--overwrite')) continue
      // Failure stack traces name files by absolute path; keep them relative to the repository.
      const json = JSON.stringify(JSON.parse(historyToJSON(history)), null, 1).replaceAll(`${workspaceRoot()}/`, '')
      await writeFile(file, `${json}\n`)
    }
    console.log(`${scenario.name}: ${outcome.reason}, ${runs.length} run(s)`)
  }
} finally {
  worker.shutdown()
  await running
  await nativeConnection.close()
  await connection.close()
  await server.stop()
}
