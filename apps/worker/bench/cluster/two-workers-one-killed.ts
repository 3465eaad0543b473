// Two worker processes share the task queue; one is SIGKILLed again and again while journeys are in
// flight (some between claiming a send and marking it sent). Every journey must finish, and Klaviyo
// must keep exactly one event per email.
import { listSends } from '@crosswise/db'
import { noWaitPolicy } from '../../test/store-fixtures.ts'
import { clusterStore, journeyOutcomes, klaviyoEvents, postOrders } from './cluster-store.ts'
import type { ClusterStack } from './stack.ts'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs the scenario and answers the rows of its BENCHMARKS.md table. */
export async function twoWorkersOneKilled(stack: ClusterStack, apiUrls: readonly string[], journeys: number, kills: number) {
  const storeId = 'crash'
  // No waits: every journey sends its first email and one alternative, then ends.
  const token = await clusterStore(stack, apiUrls[0]!, storeId, noWaitPolicy)
  const storageBefore = await stack.storage()
  const createCallsBefore = stack.klaviyo.requests.filter((request) => request.operationId === 'create_event').length
  const began = performance.now()
  let victim = await stack.startWorker('worker-a')
  const survivor = await stack.startWorker('worker-b')
  const orderIds = Array.from({ length: journeys }, (_, index) => String(20_000 + index))
  const customers = await postOrders(stack, apiUrls, storeId, token, orderIds)

  const eventsAtKill: number[] = []
  for (let kill = 0; kill < kills; kill++) {
    const mark = Math.round(((kill + 1) * 2 * journeys) / (kills + 2))
    while (klaviyoEvents(stack, storeId).kept < mark) await pause(100)
    await pause(Math.random() * 1_000)
    await victim.kill()
    eventsAtKill.push(klaviyoEvents(stack, storeId).kept)
    victim = await stack.startWorker(`worker-a (restart ${kill + 1})`)
  }
  const outcomes = await journeyOutcomes(stack.client, storeId, customers)
  const seconds = (performance.now() - began) / 1000
  const storage = await stack.storage()

  const expected = orderIds.flatMap((orderId) => [`${storeId}:${orderId}:email-1`, `${storeId}:${orderId}:email-2`]).sort()
  const events = klaviyoEvents(stack, storeId)
  const sent = (await listSends(stack.db, storeId)).filter((send) => send.status === 'sent').map((send) => send.sendKey)
  const complete = outcomes.filter((outcome) => outcome.reason === 'not-opened' && outcome.emailsSent === 2).length
  const createCalls = stack.klaviyo.requests.filter((request) => request.operationId === 'create_event').length - createCallsBefore
  const exact =
    JSON.stringify([...events.keys].sort()) === JSON.stringify(expected) && JSON.stringify(sent.sort()) === JSON.stringify(expected)
  const stops = await Promise.all([survivor.stop(), victim.stop()])
  return {
    passed: complete === journeys && events.kept === events.distinct && exact && stops.every((code) => code === 0),
    rows: [
      ['journeys (orders through the two API processes, in turn)', journeys.toLocaleString('en')],
      ['worker-a SIGKILLed', `${kills} times (Klaviyo events kept at each kill: ${eventsAtKill.join(', ')}), restarted each time`],
      ['journeys finished, 2 emails each', `${complete} of ${journeys} (lost: ${journeys - complete})`],
      ['events Klaviyo kept / distinct send keys / expected', `${events.kept} / ${events.distinct} / ${expected.length}`],
      [
        'create-event calls that reached Klaviyo',
        `${createCalls} (calls beyond ${expected.length} are retries Klaviyo deduplicated by unique_id)`,
      ],
      ['ledger rows sent', `${sent.length}, each key once: ${exact ? 'yes' : 'no'}`],
      ['graceful stop of both workers (SIGTERM)', stops.map((code) => `exit ${code}`).join(', ')],
      [
        'Temporal storage per journey in PostgreSQL (history; execution state)',
        `${Math.round((storage.historyBytes - storageBefore.historyBytes) / journeys).toLocaleString('en')} bytes; ${Math.round((storage.executionBytes - storageBefore.executionBytes) / journeys).toLocaleString('en')} bytes`,
      ],
      [
        'Crosswise database growth per journey (order, lines, customer, dispatch, deliveries, ledger, indexes)',
        `${Math.round((storage.crosswiseBytes - storageBefore.crosswiseBytes) / journeys).toLocaleString('en')} bytes`,
      ],
      ['wall time', `${seconds.toFixed(1)} s`],
    ] as Array<[string, string]>,
  }
}
