import type { StoreReportView } from '@crosswise/reports'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { money } from '../format.ts'

/** Credited revenue per day, direct (the order holds a recommended product) stacked on influenced. */
export function RevenueByDay({ days }: { days: StoreReportView['attribution']['byDay'] }) {
  if (days.length === 0) return <p className="empty">No order credited to an email yet.</p>
  return (
    <figure>
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={days} margin={{ left: 8, right: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(value: number) => money(value)} width={80} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => money(Number(value))} />
          <Legend />
          <Bar dataKey="directRevenue" name="Direct" stackId="revenue" fill="#1f5fa8" />
          <Bar dataKey="influencedRevenue" name="Influenced" stackId="revenue" fill="#8fb3dc" />
        </BarChart>
      </ResponsiveContainer>
      <figcaption>Revenue credited to the emails per day the orders were placed.</figcaption>
    </figure>
  )
}
