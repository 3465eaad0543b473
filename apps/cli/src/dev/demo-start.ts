import { setTimeout as sleep } from 'node:timers/promises'
import { runDemo, type DemoOptions } from '../demo/run-demo.ts'

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok
  } catch {
    return false
  }
}

/**
 * Runs the demo beside the dev stack once the API answers; a failed demo says why and leaves the
 * stack running, since the stack itself is fine.
 */
export async function startDemo(options: DemoOptions): Promise<void> {
  try {
    const deadline = Date.now() + 180_000
    while (!(await answers(`${options.apiUrl}/health`))) {
      if (options.signal.aborted) return
      if (Date.now() > deadline) throw new Error('the API did not come up within three minutes')
      await sleep(500)
    }
    await runDemo(options)
  } catch (error) {
    if (!options.signal.aborted) options.say(`demo: stopped: ${(error as Error).message}`)
  }
}
