import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultJourneyPolicy } from '@crosswise/domain'
import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { simulateCommand } from '../src/commands/simulate.ts'
import type { SimulationReport } from '../src/simulate/simulation-report.ts'
import { capture } from './capture-output.ts'

/**
 * A small history in the generic layout, the same every run: 150 customers ordering two to four times
 * in 2026 from 30 products in 3 categories, each with a favourite category.
 */
function smallHistory(): string {
  let seed = 7
  const next = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n)
  const rows = ['order_id,customer_id,email,product_id,title,category,quantity,unit_price,currency,time']
  let order = 0
  for (let customer = 0; customer < 150; customer++) {
    const favourite = next(3)
    const orders = 2 + next(3)
    for (let index = 0; index < orders; index++) {
      order++
      const day = 1 + Math.floor(((index + next(100) / 100) * 320) / orders)
      const time = new Date(Date.UTC(2026, 0, day, 8 + next(10))).toISOString()
      const products = new Set<number>()
      for (let line = 1 + next(3); line > 0; line--) products.add(next(4) === 0 ? next(30) : favourite * 10 + next(10))
      for (const product of products) {
        const id = `p${String(product).padStart(2, '0')}`
        rows.push(
          `O${String(order).padStart(5, '0')},c${customer},c${customer}@example.com,${id},Product ${id},cat${Math.floor(product / 10)},1,${5 + product * 3}.00,GBP,${time}`,
        )
      }
    }
  }
  return `${rows.join('\n')}\n`
}

describe('crosswise simulate', () => {
  let dir: string
  let file: string
  let url: string
  beforeAll(async () => {
    url = await createTestDatabase('cli_simulate')
    dir = await mkdtemp(join(tmpdir(), 'crosswise-simulate-'))
    file = join(dir, 'history.csv')
    await writeFile(file, smallHistory())
  })
  afterAll(async () => rm(dir, { recursive: true, force: true }))

  it('runs every case through the journeys and reports sends, delays and hit rates beside evaluate', async () => {
    const { code, out } = await capture(() =>
      simulateCommand.run(['--data', file, '--cutoff', '2026-09-01', '--customers', '12', '--database-url', url, '--json']),
    )
    expect(code).toBe(0)
    const report = JSON.parse(out) as SimulationReport

    expect(report.cases.simulated).toBe(12)
    expect(report.cases.available).toBeGreaterThan(12)
    expect(report.journeys).toBe(report.cases.simulated)
    expect(Object.values(report.outcomes).reduce((sum, count) => sum + count, 0)).toBe(report.journeys)
    expect(report.emailsSent).toBeGreaterThan(0)
    expect(Object.values(report.sources).reduce((sum, count) => sum + count, 0)).toBe(report.emailsSent)
    // The history's catalogue has pages, so the journeys send what was mined from it, not fall-backs.
    expect(report.sources.mined).toBeGreaterThan(report.emailsSent / 2)
    // One journey per customer: a frequency cap could only come from a clock that stood still while
    // the simulated weeks went by, so follow-ups go out.
    expect(report.outcomes['frequency-capped']).toBeUndefined()
    expect(report.emailsSent).toBeGreaterThan(report.cases.simulated)

    // Every first email waited at least the segment's delay after fulfilment.
    expect(report.sentTooSoon).toBe(0)
    for (const [segment, spread] of Object.entries(report.delays)) {
      expect(spread.minDays * 86_400_000).toBeGreaterThanOrEqual(
        defaultJourneyPolicy.delayMs[segment as keyof typeof defaultJourneyPolicy.delayMs],
      )
      expect(spread.minDays).toBeLessThanOrEqual(spread.p50Days)
      expect(spread.p90Days).toBeLessThanOrEqual(spread.maxDays)
    }

    for (const rates of [report.hitRate.nextOrder, report.hitRate.evaluateProtocol]) {
      for (const rate of [rates.firstEmail, rates.anyEmail, rates.anyEmailOverAllCases]) {
        expect(rate).toBeGreaterThanOrEqual(0)
        expect(rate).toBeLessThanOrEqual(1)
      }
      expect(rates.firstEmail).toBeLessThanOrEqual(rates.anyEmail)
    }
    expect(report.hitRate.nextOrder.cases).toBe(12)

    expect(report.evaluate.customers).toBeGreaterThan(0)
    expect(report.evaluate.rows.map((row) => row.model)).toContain('blend')
    expect(Object.keys(report.evaluate.blend.all)).toEqual(['1', '2', '5', '10'])
    expect(report.evaluate.blend.all[1]).toBeLessThanOrEqual(report.evaluate.blend.all[10]!)
    expect(report.notes.length).toBeGreaterThan(3)
  }, 300_000)

  it('names a bad option', async () => {
    await expect(simulateCommand.run(['--data', file, '--customers', 'many'])).rejects.toThrow(
      /--customers must be a positive whole number/,
    )
    await expect(simulateCommand.run(['--cutoff', '2026-09-01'])).rejects.toThrow(/--data is required/)
  })
})
