import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { StoreReportView } from '@crosswise/reports'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { eventually } from './test-stack.ts'

const require = createRequire(import.meta.url)
/** Debian's Chromium, unless CHROMIUM_PATH names another. */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** What the browser run measured, for the test's log (speed goals live in benchmarks). */
export interface DashboardVisit {
  firstContentfulPaintMs: number
  overviewReadyMs: number
}

interface Session {
  apiUrl: string
  adminToken: string
  storeId: string
  storeToken?: string
  /** Where the pages' screenshots go. */
  screenshots: string
}

const money = (amount: number) => amount.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

async function adminJson<T>(session: Session, path: string): Promise<T> {
  const response = await fetch(`${session.apiUrl}${path}`, { headers: { authorization: `Bearer ${session.adminToken}` } })
  expect(response.status, path).toBe(200)
  return (await response.json()) as T
}

/** No serious or critical accessibility violation on the page, as axe-core judges it. */
async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') })
  // A string, run in the page: this program has no DOM types.
  const violations = await page.evaluate<Array<{ id: string; impact: string; nodes: number }>>(
    `axe.run().then((result) => result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`,
  )
  expect({ page: name, violations: violations.filter((violation) => ['serious', 'critical'].includes(violation.impact)) }).toEqual({
    page: name,
    violations: [],
  })
}

/** The funnel and credited totals the overview shows, as numbers. */
async function overviewNumbers(page: Page) {
  const funnel: Record<string, number> = {}
  for (const stage of ['orders', 'journeys', 'fulfilled', 'sent', 'opened', 'clicked', 'purchased'])
    funnel[stage] = Number(await page.locator(`[data-funnel="${stage}"]`).textContent())
  return { funnel, revenue: await page.getByTestId('revenue').textContent(), sends: Number(await page.getByTestId('sends').textContent()) }
}

/**
 * Drives the dashboard in headless Chromium as a store owner would: signs in, opens every page,
 * checks that the numbers shown are the admin API's, edits a manual pairing, checks accessibility
 * (axe-core) and phone width, signs in as a store, and saves a screenshot of each page.
 */
export async function visitDashboard(session: Session): Promise<DashboardVisit> {
  await mkdir(session.screenshots, { recursive: true })
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] })
  try {
    // axe-core is injected as an inline script, which the dashboard's Content-Security-Policy forbids.
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })).newPage()
    const base = `${session.apiUrl}/dashboard/`
    await page.goto(base)
    await page.getByLabel('Admin token or store API token').fill('not-the-token')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('neither the admin token')
    await expectAccessible(page, 'sign-in')
    await page.getByLabel('Admin token or store API token').fill(session.adminToken)
    await page.getByRole('button', { name: 'Sign in' }).click()

    // Overview: the numbers are the API's. The demo keeps running, so read both until they agree.
    const ready = Date.now()
    await page.getByTestId('revenue').waitFor()
    const overviewReadyMs = Date.now() - ready
    await eventually(async () => {
      await page.goto(`${base}#/overview?store=${session.storeId}`)
      await page.reload()
      await page.getByTestId('revenue').waitFor()
      const shown = await overviewNumbers(page)
      const report = await adminJson<StoreReportView>(session, `/v1/admin/stores/${session.storeId}/report?window=30d`)
      const { funnel } = report
      return (
        JSON.stringify(shown) ===
        JSON.stringify({
          funnel: {
            orders: funnel.orders,
            journeys: funnel.journeys,
            fulfilled: funnel.fulfilled,
            sent: funnel.emailed,
            opened: funnel.opened,
            clicked: funnel.clicked,
            purchased: funnel.purchased,
          },
          revenue: money(report.attribution.total.revenue),
          sends: report.attribution.total.sends,
        })
      )
    }, 60_000)
    const firstContentfulPaintMs = await page.evaluate<number>(
      `performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint')?.startTime ?? -1`,
    )
    await page.getByLabel('Lift window').selectOption('20s')
    await page.getByTestId('lift-summary').waitFor()
    await expectAccessible(page, 'overview')
    await page.screenshot({ path: join(session.screenshots, 'dashboard-overview.png'), fullPage: true })

    // Pairings: one row per pairing of the report; a manual pairing added here reaches the API.
    await page.getByRole('link', { name: 'Pairings' }).click()
    await page.getByTestId('pairings').waitFor()
    const report = await adminJson<StoreReportView>(session, `/v1/admin/stores/${session.storeId}/report`)
    await expect.poll(() => page.locator('[data-pairing]').count()).toBeGreaterThanOrEqual(Math.min(report.pairings.length, 1))
    const [trigger, recommended] = ['dashboard-trigger', 'dashboard-pick']
    await page.getByLabel('After product').fill(trigger)
    await page.getByLabel('recommend').fill(recommended)
    await page.getByLabel('priority', { exact: true }).fill('7')
    await page.getByRole('button', { name: 'Save pairing' }).click()
    await page.locator(`[data-manual="${trigger}-${recommended}"]`).waitFor()
    const manual = await adminJson<{ pairings: Array<{ triggerProductId: string; recommendedProductId: string; priority: number }> }>(
      session,
      `/v1/admin/stores/${session.storeId}/pairings`,
    )
    expect(manual.pairings).toContainEqual({ triggerProductId: trigger, recommendedProductId: recommended, priority: 7 })
    // The rules on mined pairings too: saved through the API, then put back.
    const rulesPath = `/v1/admin/stores/${session.storeId}/recommendation-rules`
    const rulesBefore = await adminJson<{ minSupport: number }>(session, rulesPath)
    await page.getByLabel('Orders holding both, at least').fill(String(rulesBefore.minSupport + 3))
    await page.getByRole('button', { name: 'Save rules' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    expect((await adminJson<{ minSupport: number }>(session, rulesPath)).minSupport).toBe(rulesBefore.minSupport + 3)
    await page.getByLabel('Orders holding both, at least').fill(String(rulesBefore.minSupport))
    await page.getByRole('button', { name: 'Save rules' }).click()
    await expect.poll(async () => (await adminJson<{ minSupport: number }>(session, rulesPath)).minSupport).toBe(rulesBefore.minSupport)
    await expectAccessible(page, 'pairings')
    await page.evaluate('window.scrollTo(0, 0)')
    await page.screenshot({ path: join(session.screenshots, 'dashboard-pairings.png') })
    await page.locator(`[data-manual="${trigger}-${recommended}"]`).getByRole('button', { name: 'Remove' }).click()
    await expect.poll(() => page.locator(`[data-manual="${trigger}-${recommended}"]`).count()).toBe(0)

    // Experiments: each variant of the API's experiment, with its sends.
    await page.getByRole('link', { name: 'Experiments' }).click()
    await page.getByTestId('variants').waitFor()
    const experiment = (await adminJson<StoreReportView>(session, `/v1/admin/stores/${session.storeId}/report`)).experiment!
    expect(await page.locator('[data-variant]').count()).toBe(experiment.variants.length)
    await expectAccessible(page, 'experiments')
    await page.screenshot({ path: join(session.screenshots, 'dashboard-experiments.png'), fullPage: true })

    // Journeys: a count per stage, each linking into the Temporal UI with its query.
    await page.getByRole('link', { name: 'Journeys' }).click()
    await page.getByTestId('journey-counts').waitFor()
    expect(await page.locator('[data-stage]').count()).toBe(5)
    const link = await page.locator('[data-stage="ended"] [data-column="all"] a').getAttribute('href')
    expect(decodeURIComponent(link ?? '')).toContain("JourneyStage = 'ended'")
    await expectAccessible(page, 'journeys')
    await page.screenshot({ path: join(session.screenshots, 'dashboard-journeys.png'), fullPage: true })

    // A phone: the overview fits its width.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByRole('link', { name: 'Overview' }).click()
    await page.getByTestId('revenue').waitFor()
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true)
    await page.screenshot({ path: join(session.screenshots, 'dashboard-phone.png') })

    // A store's own token signs in to that store only.
    if (session.storeToken) {
      const store = await (await browser.newContext()).newPage()
      await store.goto(base)
      await store.getByLabel('Admin token or store API token').fill(session.storeToken)
      await store.getByRole('button', { name: 'Sign in' }).click()
      await store.getByTestId('revenue').waitFor()
      expect(await store.getByLabel('Store').locator('option').allTextContents()).toEqual([session.storeId])
      expect(await store.evaluate<number>(`fetch('/v1/admin/stores').then((response) => response.status)`)).toBe(403)
    }
    return { firstContentfulPaintMs, overviewReadyMs }
  } finally {
    await browser.close()
  }
}
