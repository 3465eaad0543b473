import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js'
import { bundleWorkflowCode, Worker, type ReplayResult } from '@temporalio/worker'
import { DeterminismViolationError } from '@temporalio/workflow'
import { describe, expect, it } from 'vitest'

const historiesDir = new URL('./histories/', import.meta.url)
const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} }

/** Every committed history, named `{set}/{scenario}` after its folder (the code that recorded it) and file. */
async function* histories() {
  const files = (await readdir(historiesDir, { recursive: true })).filter((name) => name.endsWith('.json')).sort()
  for (const file of files) {
    yield {
      workflowId: file.replace(/\.json$/, ''),
      history: historyFromJSON(JSON.parse(await readFile(new URL(file, historiesDir), 'utf8'))),
    }
  }
}

/** The scenario a history id names, whatever set recorded it. */
const scenario = (workflowId: string) => workflowId.slice(workflowId.lastIndexOf('/') + 1)

async function replayAll(workflowsPath: string): Promise<ReplayResult[]> {
  const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: quiet })
  const results: ReplayResult[] = []
  for await (const result of Worker.runReplayHistories({ workflowBundle, replayName: 'journey-histories' }, histories()))
    results.push(result)
  return results
}

// A journey lives for weeks: every recorded branch must replay on today's code, or a deploy would
// break the journeys in flight. A failure here means the change needs `patched()` (README).
describe('replay of recorded journey histories', () => {
  it('replays every committed branch on the current workflow code', async () => {
    const results = await replayAll(fileURLToPath(new URL('../src/workflows.ts', import.meta.url)))
    expect(results.length).toBeGreaterThanOrEqual(40)
    expect(results.filter((result) => result.error).map((result) => `${result.workflowId}: ${String(result.error)}`)).toEqual([])
  })

  it('catches a reordered workflow that is not behind patched()', async () => {
    const results = await replayAll(fileURLToPath(new URL('./workflows/reordered-journey.ts', import.meta.url)))
    const failed = results.filter((result) => result.error instanceof DeterminismViolationError).map((result) => result.workflowId)
    // In every set, each history that reached the guards before a send must fail; the others never got there.
    for (const set of new Set(results.map((result) => result.workflowId.split('/')[0]))) {
      expect(failed.filter((id) => id.startsWith(`${set}/`)).map(scenario)).toEqual(
        expect.arrayContaining([
          'converted',
          'alternative-then-not-opened',
          'held-out',
          'no-consent',
          'restarted-on-repeat-purchase-run-2',
        ]),
      )
    }
    const cancelled = results.filter((result) => scenario(result.workflowId) === 'cancelled')
    expect(cancelled.length).toBeGreaterThanOrEqual(2)
    expect(cancelled.map((result) => result.error)).toEqual(cancelled.map(() => undefined))
  })
})
