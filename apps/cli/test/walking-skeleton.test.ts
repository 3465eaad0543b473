import { countDispatches, listJourneySteps } from '@crosswise/db'
import { temporalAddress, uniqueId } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, journeyResult, orderBody, postOrder, startTestStack, type TestStack } from './test-stack.ts'

describe('walking skeleton: order over HTTP → dispatcher → journey on Temporal', () => {
  let stack: TestStack
  beforeAll(async () => {
    stack = await startTestStack(temporalAddress())
    await stack.startWorker()
    stack.dispatcher.start()
  })
  afterAll(async () => stack?.stop())

  it('answers 202 at once and the journey completes, recording the order', async () => {
    const store = uniqueId('store')
    const response = await postOrder(stack.apiUrl, store, orderBody('1001', 'Ada@Example.com'))
    expect(response.status).toBe(202)
    const accepted = (await response.json()) as { journeyId: string; customerId: string; duplicate: boolean }
    expect(accepted).toMatchObject({ journeyId: `journey:${store}:email:ada@example.com`, duplicate: false })

    const outcome = await journeyResult(stack.client, accepted.journeyId)
    expect(outcome).toEqual({ reason: 'recorded', orderIds: ['1001'] })
    const steps = await listJourneySteps(stack.db, accepted.journeyId)
    expect(steps.map((step) => [step.orderId, step.step])).toEqual([['1001', 'order-received']])

    const description = await stack.client.workflow.getHandle(accepted.journeyId).describe()
    expect(description.status.name).toBe('COMPLETED')
    expect(description.searchAttributes).toMatchObject({ StoreId: [store], JourneyStage: ['ended'] })
  })

  it('records a repeated order once and starts no second journey run', async () => {
    const store = uniqueId('store')
    const first = await postOrder(stack.apiUrl, store, orderBody('2001', 'bo@example.com'))
    const again = await postOrder(stack.apiUrl, store, orderBody('2001', 'bo@example.com'))
    expect(first.status).toBe(202)
    expect(((await again.json()) as { duplicate: boolean }).duplicate).toBe(true)
    const journeyId = `journey:${store}:email:bo@example.com`
    await journeyResult(stack.client, journeyId)
    await eventually(async () => (await countDispatches(stack.db)).pending === 0)
    const runs = []
    for await (const run of stack.client.workflow.list({ query: `WorkflowId = '${journeyId}'` })) runs.push(run)
    expect(runs).toHaveLength(1)
    expect(await listJourneySteps(stack.db, journeyId)).toHaveLength(1)
  })
})
