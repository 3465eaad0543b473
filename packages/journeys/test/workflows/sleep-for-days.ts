// A harness workflow: wait for a signal, sleep a week, run an activity. It proves that the
// time-skipping server compresses journey-scale waits into seconds.
import { condition, defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow'

export const goSignal = defineSignal('go')

const { noteWokeUp } = proxyActivities<{ noteWokeUp(): Promise<void> }>({ startToCloseTimeout: '10 seconds' })

export async function sleepForDays(days: number): Promise<string> {
  let go = false
  setHandler(goSignal, () => {
    go = true
  })
  await condition(() => go)
  await sleep(`${days} days`)
  await noteWokeUp()
  return 'woke up'
}
