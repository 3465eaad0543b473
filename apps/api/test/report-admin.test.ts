import { claimSend, createDatabase, markSent, migrateToLatest, recordConversion, type Db } from '@crosswise/db'
import type { PairingReviewView, StoreReportView } from '@crosswise/reports'
import { createTestDatabase } from '@crosswise/testing'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'

const adminToken = 'admin-token-for-report-tests'
const base = '/v1/admin/stores/lamp-shop'

/** Emails of one pairing to one customer; the first `converted` of them led to a purchase. */
async function givenSends(db: Db, pairingId: string, count: number, converted: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    const sendKey = `lamp-shop:${pairingId}:${index}`
    const send = { storeId: 'lamp-shop', customerId: 'c1', orderId: `o${index}` }
    await claimSend(db, {
      sendKey,
      ...send,
      step: 'first',
      kind: 'recommendation',
      pairingId,
      pairingSource: 'mined',
      productIds: ['bulb'],
    })
    await markSent(db, sendKey, { channel: 'outbox', profileId: 'crosswise:lamp-shop:c1', at: new Date() })
    if (index < converted) await recordConversion(db, { sendKey, ...send, pairingId, purchaseOrderId: null })
  }
}

describe('admin API: what a store’s cross-sell earns', () => {
  let db: Db
  let app: FastifyInstance
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_report_admin'))
    await migrateToLatest(db)
    app = await buildServer({ db, logger: pino({ level: 'silent' }), bodyLimit: 1024 * 1024, adminToken })
    expect((await call('POST', '/v1/admin/stores', { id: 'lamp-shop', name: 'Lamp shop' })).statusCode).toBe(201)
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
  })

  const call = (method: 'POST' | 'GET', url: string, payload?: unknown, token = adminToken) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    })

  it('reports an empty store plainly and says when it was never reviewed', async () => {
    const report = (await call('GET', `${base}/report`)).json() as StoreReportView
    expect(report).toMatchObject({ funnel: { orders: 0, emails: 0 }, lift: null, liftWindowDays: 30, pairings: [], review: null })
    expect((await call('GET', `${base}/pairing-reviews/latest`)).json()).toMatchObject({ error: 'no_review' })
  })

  it('answers unknown stores, bad queries and missing tokens with a reason', async () => {
    expect((await call('GET', '/v1/admin/stores/nowhere/report')).statusCode).toBe(404)
    const bad = await call('GET', `${base}/report?since=yesterday`)
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('since')
    expect((await call('POST', `${base}/pairing-reviews`, { minimumSends: 0 })).statusCode).toBe(400)
    expect((await call('GET', `${base}/report`, undefined, 'wrong')).statusCode).toBe(401)
  })

  it('gives each pairing’s results, runs a review on demand and shows it as the latest', async () => {
    await givenSends(db, 'mined:lamp:bulb', 12, 3)
    await givenSends(db, 'mined:lamp:shade', 4, 0)
    const report = (await call('GET', `${base}/report?windowDays=14`)).json() as StoreReportView
    expect(report.liftWindowDays).toBe(14)
    expect(report.pairings.map(({ pairingId, sends, conversions }) => ({ pairingId, sends, conversions }))).toEqual([
      { pairingId: 'mined:lamp:bulb', sends: 12, conversions: 3 },
      { pairingId: 'mined:lamp:shade', sends: 4, conversions: 0 },
    ])
    expect(report.pairings[0]!.conversionRate).toBe(0.25)

    const ran = await call('POST', `${base}/pairing-reviews`, { minimumSends: 10 })
    expect(ran.statusCode).toBe(201)
    const review = ran.json() as PairingReviewView
    expect(Object.fromEntries(review.entries.map((entry) => [entry.pairingId, entry.verdict]))).toEqual({
      'mined:lamp:bulb': 'keep',
      'mined:lamp:shade': 'collecting',
    })
    expect(review.options).toMatchObject({ minimumSends: 10, conversionFloor: 0.005 })
    expect((await call('GET', `${base}/pairing-reviews/latest`)).json()).toEqual(review)
    expect(((await call('GET', `${base}/report`)).json() as StoreReportView).review).toEqual(review)
  })
})
