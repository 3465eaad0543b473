import type { StoreReportView } from '@crosswise/reports'
import { useState } from 'react'
import { Funnel } from '../charts/Funnel.tsx'
import { IntervalChart } from '../charts/IntervalChart.tsx'
import { RevenueByDay } from '../charts/RevenueByDay.tsx'
import { interval, money, percent, points } from '../format.ts'
import { useApi } from '../useApi.ts'

/** Lift windows to choose from: a real store's 30 days, down to the minutes a demo's days last. */
const windows = ['30d', '14d', '7d', '1d', '1h', '2m', '20s']

/** What cross-sell earned a store: credited revenue over time, the funnel, and the holdout lift with its intervals. */
export function Overview({ storeId, onError }: { storeId: string; onError: (error: unknown) => void }) {
  const [liftWindow, setLiftWindow] = useState('30d')
  const { data: report, problem } = useApi<StoreReportView>(`/v1/admin/stores/${storeId}/report?window=${liftWindow}`, onError)
  if (problem) return <p role="alert">{problem}</p>
  if (!report) return <p className="status">Loading the report…</p>
  const { total } = report.attribution
  return (
    <>
      <h1>Overview of {storeId}</h1>
      <section aria-labelledby="earned" className="cards">
        <h2 id="earned" className="sr-only">
          Credited revenue
        </h2>
        <Card label="Revenue credited" value={money(total.revenue)} testId="revenue" />
        <Card label="Orders credited" value={`${total.orders} (${total.direct} direct, ${total.influenced} influenced)`} testId="orders" />
        <Card label="Emails sent" value={String(total.sends)} testId="sends" />
        <Card label="Revenue per email" value={money(total.revenuePerSend)} testId="revenue-per-send" />
      </section>
      <section aria-labelledby="over-time">
        <h2 id="over-time">Revenue over time</h2>
        <RevenueByDay days={report.attribution.byDay} />
      </section>
      <section aria-labelledby="funnel">
        <h2 id="funnel">Funnel</h2>
        <Funnel funnel={report.funnel} />
      </section>
      <section aria-labelledby="lift">
        <h2 id="lift">Lift over the holdout group</h2>
        <label className="inline">
          Lift window{' '}
          <select value={liftWindow} onChange={(event) => setLiftWindow(event.target.value)}>
            {windows.map((span) => (
              <option key={span}>{span}</option>
            ))}
          </select>
        </label>
        <Lift lift={report.lift} span={report.liftWindow} />
      </section>
    </>
  )
}

function Card({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="card">
      <div className="card-label">{label}</div>
      <div className="card-value" data-testid={testId}>
        {value}
      </div>
    </div>
  )
}

/** The measured lift: what the emails caused, with 95 % intervals, next to what was credited. */
function Lift({ lift, span }: { lift: StoreReportView['lift']; span: string }) {
  if (!lift) return <p className="empty">Not measured yet: it needs customers of both groups whose {span} window has closed.</p>
  const { repeatPurchaseRate: rate, revenuePerCustomer: revenue } = lift
  return (
    <>
      <p data-testid="lift-summary">
        {lift.customers.emailed} customers emailed, {lift.customers.heldOut} held out. Repeat purchase within {span}:{' '}
        {percent(rate.emailed)} against {percent(rate.heldOut)}, a lift of {points(rate.lift.difference)} (95 % interval{' '}
        {interval(rate.lift.low, rate.lift.high, points)}).
      </p>
      <IntervalChart
        estimates={[
          { label: 'Emailed', value: rate.emailed, low: rate.emailedInterval.low, high: rate.emailedInterval.high },
          { label: 'Held out', value: rate.heldOut, low: rate.heldOutInterval.low, high: rate.heldOutInterval.high },
          { label: 'Lift', value: rate.lift.difference, low: rate.lift.low, high: rate.lift.high },
        ]}
        format={percent}
        caption="Repeat purchase rate of each group and their difference, with 95 % intervals: a lift interval that stays right of zero means the emails made customers buy again."
      />
      <IntervalChart
        estimates={[{ label: 'Revenue per customer', value: revenue.lift.difference, low: revenue.lift.low, high: revenue.lift.high }]}
        format={money}
        caption="Revenue per customer, emailed minus held out (adjusted for what each spent before), with its 95 % interval."
      />
    </>
  )
}
