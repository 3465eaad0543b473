import { createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import type { JourneyState } from '@crosswise/journeys'
import { createTestDatabase } from '@crosswise/testing'
import type { Client } from '@temporalio/client'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'

const adminToken = 'admin-token-for-tests'

// A journey that Klaviyo's refusal ended, as its `journeyState` query answers.
const refused: JourneyState = {
  storeId: 'acme',
  customerId: 'c1',
  stage: 'ended',
  triggerOrderId: 'o1',
  segment: 'first-time',
  ordersSeen: ['o1'],
  emailsSent: 0,
  pairingIds: [],
  details: 'Ended: klaviyo-refused',
  outcome: 'klaviyo-refused',
  failure: 'Klaviyo rejected GET /api/profiles with 401',
}

// Only the handle calls the routes make; the serializer under test is the API's own. Customer `c1`'s
// journey has ended, `c2`'s runs and stops when asked.
const temporal = {
  workflow: {
    getHandle: (journeyId: string) => ({
      describe: async () => ({ status: { name: journeyId.endsWith(':c1') ? 'COMPLETED' : 'RUNNING' } }),
      query: async () => refused,
      executeUpdate: async (_update: unknown, { args }: { args: [{ reason: string }] }) => ({
        ...refused,
        customerId: 'c2',
        outcome: 'stopped',
        details: `Stopped: ${args[0].reason}`,
      }),
    }),
  },
} as unknown as Client

describe('journey state through the admin API', () => {
  let db: Db
  let app: FastifyInstance
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_journey_state'))
    await migrateToLatest(db)
    app = await buildServer({ db, logger: pino({ level: 'silent' }), bodyLimit: 64 * 1024, adminToken, temporal })
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
  })

  it('answers with every field of the journey state, the Klaviyo failure reason included', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/v1/admin/stores/acme/journeys/c1',
      headers: { authorization: `Bearer ${adminToken}` },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ journeyId: 'journey:acme:c1', status: 'COMPLETED', state: refused })
  })

  it('stops a running journey with its state, and refuses an ended one with 409', async () => {
    const stop = (customerId: string) =>
      app.inject({
        method: 'POST',
        url: `/v1/admin/stores/acme/journeys/${customerId}/stop`,
        headers: { authorization: `Bearer ${adminToken}` },
        payload: { reason: 'unsubscribed' },
      })
    const stopped = await stop('c2')
    expect(stopped.statusCode).toBe(200)
    expect(stopped.json()).toMatchObject({ journeyId: 'journey:acme:c2', status: 'RUNNING', state: { details: 'Stopped: unsubscribed' } })
    const ended = await stop('c1')
    expect(ended.statusCode).toBe(409)
    expect(ended.json()).toEqual({ error: 'journey_ended', message: "Journey 'journey:acme:c1' is completed." })
  })
})
