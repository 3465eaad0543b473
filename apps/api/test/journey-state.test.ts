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

// Only the two handle calls the route makes; the serializer under test is the API's own.
const temporal = {
  workflow: {
    getHandle: () => ({
      describe: async () => ({ status: { name: 'COMPLETED' } }),
      query: async () => refused,
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
})
