import {
  claimSend,
  createDatabase,
  ensureStore,
  markSent,
  migrateToLatest,
  recordConversion,
  recordFulfillment,
  recordHoldoutAssignment,
  recordJourneyOutcomes,
  recordOrder,
  recordSendEngagement,
  retiredPairingIds,
  startExperiment,
  type Db,
} from '@crosswise/db'
import { experimentSchema, orderSchema } from '@crosswise/domain'
import { sql } from 'kysely'
import type { FullStoreReport, StoreReportView } from '@crosswise/reports'
import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportCommand } from '../src/commands/report.ts'
import { reviewCommand } from '../src/commands/review.ts'
import { capture } from './capture-output.ts'

const store = 'report-shop'
const day = 86_400_000
const start = Date.UTC(2026, 5, 1)
const at = (days: number) => new Date(start + days * day)

/**
 * 40 customers who ordered a kettle: 30 fulfilled, each reaching the point of sending 4 days later;
 * every fifth held out. Emailed customers bought again in the next 30 days twice as often as held-out
 * ones, and every third email led to a purchase of the recommended mug.
 */
async function seedStore(db: Db): Promise<void> {
  await ensureStore(db, store, { name: 'Report shop', currency: 'EUR' })
  const order = (orderId: string, customerId: string, days: number, productId: string, total: string) =>
    recordOrder(
      db,
      store,
      orderSchema.parse({
        orderId,
        customer: { id: customerId, email: `${customerId}@example.com` },
        currency: 'EUR',
        placedAt: at(days).toISOString(),
        lineItems: [{ productId, title: productId, quantity: 1, unitPrice: total }],
      }),
    )
  for (let index = 0; index < 40; index++) {
    const customerId = `c${index}`
    const trigger = `t${index}`
    await order(trigger, customerId, index * 0.1, 'kettle', '40.00')
    if (index >= 30) continue
    await db
      .transaction()
      .execute((trx) => recordFulfillment(trx, store, { fulfillmentId: `f${index}`, orderId: trigger, fulfilledAt: at(1), complete: true }))
    const heldOut = index % 5 === 0
    await recordHoldoutAssignment(db, {
      storeId: store,
      orderId: trigger,
      customerId,
      heldOut,
      position: heldOut ? 0.05 : 0.5,
      share: 0.2,
      assignedAt: at(5 + index * 0.1),
    })
    // How each run ended, as the worker's recorder writes it from Temporal.
    await recordJourneyOutcomes(db, [
      {
        runId: `run-${index}`,
        storeId: store,
        customerId,
        triggerOrderId: trigger,
        outcome: heldOut ? 'held-out' : 'not-opened',
        emailsSent: heldOut ? 0 : 1,
        pairingIds: heldOut ? [] : ['mined:kettle:mug'],
        startedAt: at(index * 0.1),
        closedAt: at(9 + index * 0.1),
      },
    ])
    const buysAgain = heldOut ? index % 10 === 0 : index % 2 === 1
    if (buysAgain) await order(`n${index}`, customerId, 12, 'mug', '12.00')
    if (heldOut) continue
    const sendKey = `${store}:${trigger}:first`
    await claimSend(db, {
      sendKey,
      storeId: store,
      customerId,
      orderId: trigger,
      step: 'first',
      kind: 'recommendation',
      pairingId: 'mined:kettle:mug',
      pairingSource: 'mined',
      productIds: ['mug'],
    })
    await markSent(db, sendKey, { channel: 'outbox', profileId: `crosswise:${store}:${customerId}`, at: at(5 + index * 0.1) })
    if (buysAgain && index % 3 === 0)
      await recordConversion(db, {
        sendKey,
        storeId: store,
        customerId,
        orderId: trigger,
        pairingId: 'mined:kettle:mug',
        purchaseOrderId: `n${index}`,
      })
  }
}

describe('crosswise report', () => {
  let url: string
  beforeAll(async () => {
    url = await createTestDatabase('cli_report')
    const db = createDatabase(url)
    await migrateToLatest(db)
    await seedStore(db)
    await db.destroy()
  })
  afterAll(() => undefined)

  it('reports the funnel, the holdout lift with intervals and each pairing, as JSON', async () => {
    const { code, out } = await capture(() =>
      reportCommand.run(['--store', store, '--as-of', at(60).toISOString(), '--database-url', url, '--json']),
    )
    expect(code).toBe(0)
    const report = JSON.parse(out) as FullStoreReport
    expect(report.funnel).toEqual({
      orders: 40 + 15,
      journeys: 40 + 15,
      fulfilled: 30,
      reachedSend: 30,
      heldOut: 6,
      emailed: 24,
      emails: 24,
      opened: 0,
      clicked: 0,
      purchased: 4,
    })
    expect(report.journeyOutcomes).toEqual({ 'not-opened': 24, 'held-out': 6 })
    const lift = report.lift!
    expect(lift.customers).toEqual({ emailed: 24, heldOut: 6 })
    // 12 of 24 emailed bought again, 3 of 6 held out: no difference to see.
    expect(lift.repeatPurchaseRate.emailed).toBe(0.5)
    expect(lift.repeatPurchaseRate.heldOut).toBe(0.5)
    expect(lift.repeatPurchaseRate.lift.low).toBeLessThan(0)
    expect(lift.repeatPurchaseRate.lift.high).toBeGreaterThan(0)
    expect(lift.revenuePerCustomer.emailed).toBe(6)
    expect(report.pairings).toEqual([
      expect.objectContaining({
        pairingId: 'mined:kettle:mug',
        source: 'mined',
        sends: 24,
        conversions: 4,
        revenue: '48.0000',
        revenuePerSend: 2,
      }),
    ])
    expect(report.pairings[0]!.conversionInterval.low).toBeGreaterThan(0)
  })

  it('prints the same numbers for a person, and says when no window has closed yet', async () => {
    const text = await capture(() => reportCommand.run(['--store', store, '--as-of', at(60).toISOString(), '--database-url', url]))
    expect(text.out).toMatch(/orders\s+55/)
    expect(text.out).toMatch(/not-opened\s+24\s+80\.0 %\n\s+held-out\s+6\s+20\.0 %/)
    expect(text.out).toMatch(/bought again\s+50\.0 %\s+50\.0 %\s+\+0\.0 pts\s+\[-/)
    expect(text.out).toMatch(/mined:kettle:mug\s+mined\s+24\s+16\.7 %/)
    const early = await capture(() => reportCommand.run(['--store', store, '--as-of', at(20).toISOString(), '--database-url', url]))
    expect(early.out).toContain('holdout lift: no comparison yet')
  })

  it('reviews the pairings: retires one that never converts, keeps the one that does, and the report shows it', async () => {
    const db = createDatabase(url)
    try {
      // A second pairing, emailed 400 times without a single purchase.
      for (let index = 0; index < 400; index++) {
        const sendKey = `${store}:d${index}:first`
        const claim = { sendKey, storeId: store, customerId: `d${index}`, orderId: `d${index}`, step: 'first', kind: 'recommendation' }
        await claimSend(db, { ...claim, pairingId: 'mined:kettle:spoon', pairingSource: 'mined', productIds: ['spoon'] })
        await markSent(db, sendKey, { channel: 'outbox', profileId: `p${index}`, at: at(30) })
      }
      const { code, out } = await capture(() =>
        reviewCommand.run(['--store', store, '--minimum-sends', '20', '--database-url', url, '--json']),
      )
      expect(code).toBe(0)
      const run = JSON.parse(out) as { entries: Array<{ pairingId: string; verdict: string; reason: string }> }
      expect(run.entries.map((entry) => [entry.pairingId, entry.verdict])).toEqual([
        ['mined:kettle:spoon', 'retire'],
        ['mined:kettle:mug', 'keep'],
      ])
      expect(await retiredPairingIds(db, store)).toEqual(['mined:kettle:spoon'])
      const text = await capture(() => reportCommand.run(['--store', store, '--database-url', url]))
      expect(text.out).toMatch(/latest pairing review, \d{4}-\d{2}-\d{2}: 2 pairings read, 1 retired or flagged/)
      expect(text.out).toMatch(/retired mined:kettle:spoon: converts at most 1\.\d+ %/)
    } finally {
      await db.destroy()
    }
  })

  it('names a bad option and an unknown store', async () => {
    await expect(reportCommand.run(['--store', store, '--window', 'soon', '--database-url', url])).rejects.toThrow(/--window/)
    await expect(reportCommand.run(['--database-url', url])).rejects.toThrow(/--store is required/)
    await expect(reportCommand.run(['--store', 'nobody', '--database-url', url])).rejects.toThrow(/store 'nobody' does not exist/)
    await expect(reviewCommand.run(['--store', store, '--floor', '2', '--database-url', url])).rejects.toThrow(/--floor must be a rate/)
  })

  it('credits orders to an email opened or clicked within the store’s window before them', async () => {
    const db = createDatabase(url)
    try {
      // c1 opened on day 10 and bought the mug on day 12: credited. c3 opened on day 6, six days before
      // buying: outside the five-day window.
      await recordSendEngagement(db, store, `${store}:t1:first`, [{ kind: 'opened', at: at(10) }])
      await recordSendEngagement(db, store, `${store}:t3:first`, [{ kind: 'clicked', at: at(6) }])
      const { out } = await capture(() => reportCommand.run(['--store', store, '--database-url', url, '--json']))
      const { attribution, funnel, pairings } = JSON.parse(out) as StoreReportView
      // Two journeys' emails were engaged with, one of them by a click.
      expect(funnel).toMatchObject({ opened: 2, clicked: 1 })
      expect(pairings.find((pairing) => pairing.pairingId === 'mined:kettle:mug')).toMatchObject({ clicks: 1, clickRate: 1 / 24 })
      expect(attribution.windowDays).toBe(5)
      expect(attribution.total).toMatchObject({ orders: 1, direct: 1, influenced: 0, revenue: 12, averageOrderValue: 12 })
      expect(attribution.byPairing.find((pairing) => pairing.pairingId === 'mined:kettle:mug')).toMatchObject({ orders: 1, revenue: 12 })
      const text = await capture(() => reportCommand.run(['--store', store, '--database-url', url]))
      expect(text.out).toContain('credited revenue (an order within 5 days after an open or click of an email')
      expect(text.out).toMatch(/mined:kettle:mug\s+24\s+1\s+1\s+0\s+12\.00\s+12\.00\s+0\.50/)
    } finally {
      await db.destroy()
    }
  })

  it('shows the store’s experiment: each variant’s sends, conversion and verdict against the control', async () => {
    const db = createDatabase(url)
    try {
      await startExperiment(
        db,
        store,
        experimentSchema.parse({
          id: 'cli-test',
          name: 'A code or none',
          variants: [{ id: 'control' }, { id: 'code', offer: { kind: 'code', code: 'PAIR10', percentOff: 10 }, delayDays: 5 }],
        }),
      )
      // Every email of the store so far, split between the variants by the customer's number.
      await sql`update journey_sends set experiment_id = 'cli-test',
                  variant_id = case when substring(customer_id from 2)::int % 2 = 0 then 'control' else 'code' end
                where store_id = ${store} and status = 'sent'`.execute(db)
      const text = await capture(() => reportCommand.run(['--store', store, '--database-url', url]))
      expect(text.out).toContain("experiment 'cli-test' (A code or none): no winner yet (at least 500 sends per variant")
      // Sends, opened, clicked, conversion [interval], revenue per send [interval].
      const rates = String.raw`\d+\s+[\d.]+ %\s+[\d.]+ %\s+[\d.]+ %\s+\[[^\]]+\]\s+[\d.]+\s+\[[^\]]+\]`
      expect(text.out).toMatch(new RegExp(String.raw`control\s+as configured\s+${rates}\s+control`))
      expect(text.out).toMatch(new RegExp(String.raw`code\s+code PAIR10 \(10 % off\), 5 days after fulfilment\s+${rates}\s+collecting`))
      const json = await capture(() => reportCommand.run(['--store', store, '--database-url', url, '--json']))
      const sends = (JSON.parse(json.out) as StoreReportView).experiment!.variants.map((variant) => variant.sends)
      const sent = await db
        .selectFrom('journey_sends')
        .select(db.fn.countAll<string>().as('n'))
        .where('store_id', '=', store)
        .where('status', '=', 'sent')
        .executeTakeFirstOrThrow()
      expect(sends.reduce((sum, count) => sum + count, 0)).toBe(Number(sent.n))
      expect(sends.every((count) => count > 0)).toBe(true)
    } finally {
      await db.destroy()
    }
  })
})
