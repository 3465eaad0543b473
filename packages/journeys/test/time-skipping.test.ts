import { fileURLToPath } from 'node:url'
import { createTimeSkippingEnvironment, uniqueId } from '@crosswise/testing'
import type { TestWorkflowEnvironment } from '@temporalio/testing'
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { goSignal, sleepForDays } from './workflows/sleep-for-days.ts'

describe('time-skipping test environment', () => {
  let env: TestWorkflowEnvironment
  let bundle: WorkflowBundleWithSourceMap
  beforeAll(async () => {
    env = await createTimeSkippingEnvironment()
    bundle = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./workflows/sleep-for-days.ts', import.meta.url)) })
  })
  afterAll(async () => env?.teardown())

  it('runs a seven-day sleep in seconds of wall time', async () => {
    const taskQueue = uniqueId('sleep')
    let wokeUpAt: number | undefined
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: {
        async noteWokeUp() {
          wokeUpAt = (await env.currentTimeMs()) as number
        },
      },
    })
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(sleepForDays, { args: [7], taskQueue, workflowId: uniqueId('sleep') })
      const signalledAt = Number(await env.currentTimeMs())
      await handle.signal(goSignal)
      const outcome = await handle.result()
      return { outcome, signalledAt }
    })
    expect(result.outcome).toBe('woke up')
    expect(wokeUpAt! - result.signalledAt).toBeGreaterThanOrEqual(7 * 24 * 3600 * 1000)
  })
})
