import { claimSend, createDatabase, markSent, migrateToLatest, recordConversion, type Db } from '@crosswise/db'
import type { ExperimentView, PairingReviewView, StoreReportView } from '@crosswise/reports'
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
    expect(report).toMatchObject({ funnel: { orders: 0, emails: 0 }, lift: null, liftWindow: '30d', pairings: [], review: null })
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
    const report = (await call('GET', `${base}/report?window=14d`)).json() as StoreReportView
    expect(report.liftWindow).toBe('14d')
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

  it('runs an experiment: start, read its results per variant, refuse a second one, stop it promoting a variant', async () => {
    const experiment = {
      id: 'subject-test',
      name: 'Which subject line',
      variants: [{ id: 'control' }, { id: 'named', subject: 'Made for your lamp', offer: { kind: 'code', code: 'LAMP5', percentOff: 5 } }],
    }
    const started = await call('POST', `${base}/experiments`, experiment)
    expect(started.statusCode).toBe(201)
    expect(started.json()).toMatchObject({ id: 'subject-test', stoppedAt: null, winner: null, minimumSendsPerVariant: 500 })
    expect((await call('POST', `${base}/experiments`, { ...experiment, id: 'another' })).statusCode).toBe(409)
    expect((await call('POST', `${base}/experiments`, { ...experiment, variants: [{ id: 'only' }] })).statusCode).toBe(400)

    for (const [index, variantId] of ['control', 'named', 'named'].entries()) {
      const sendKey = `lamp-shop:experiment:${index}`
      await claimSend(db, {
        sendKey,
        storeId: 'lamp-shop',
        customerId: 'c1',
        orderId: `x${index}`,
        step: 'email-1',
        kind: 'first',
        pairingId: 'mined:lamp:bulb',
        pairingSource: 'mined',
        productIds: ['bulb'],
        experimentId: 'subject-test',
        variantId,
      })
      await markSent(db, sendKey, { channel: 'outbox', profileId: 'crosswise:lamp-shop:c1', at: new Date() })
    }
    const current = (await call('GET', `${base}/experiments/current`)).json() as ExperimentView
    expect(
      current.variants.map(({ id, sends, offer, subject, versusControl }) => ({
        id,
        sends,
        offer,
        subject,
        state: versusControl?.state ?? null,
      })),
    ).toEqual([
      { id: 'control', sends: 1, offer: null, subject: null, state: null },
      { id: 'named', sends: 2, offer: 'LAMP5', subject: 'Made for your lamp', state: 'collecting' },
    ])
    const withExperiment = await call('GET', `${base}/report`)
    expect(withExperiment.statusCode, withExperiment.body).toBe(200)
    expect((withExperiment.json() as StoreReportView).experiment?.id).toBe('subject-test')

    expect((await call('POST', `${base}/experiments/current/stop`, { promote: 'nope' })).json()).toMatchObject({ error: 'unknown_variant' })
    const stopped = await call('POST', `${base}/experiments/current/stop`, { promote: 'named' })
    expect(stopped.statusCode).toBe(200)
    expect(stopped.json()).toMatchObject({ promoted: 'named', stoppedAt: expect.any(String) })
    expect((await call('POST', `${base}/experiments/current/stop`, {})).json()).toMatchObject({ error: 'no_running_experiment' })
  })
})
