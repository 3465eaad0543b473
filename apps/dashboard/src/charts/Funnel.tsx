import type { StoreReportView } from '@crosswise/reports'
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

/** Orders → journeys → fulfilled → sent → opened → clicked → purchased, each a subset of the one before. */
export function Funnel({ funnel }: { funnel: StoreReportView['funnel'] }) {
  const stages = [
    { stage: 'Orders', count: funnel.orders },
    { stage: 'Journeys', count: funnel.journeys },
    { stage: 'Fulfilled', count: funnel.fulfilled },
    { stage: 'Sent', count: funnel.emailed },
    { stage: 'Opened', count: funnel.opened },
    { stage: 'Clicked', count: funnel.clicked },
    { stage: 'Purchased', count: funnel.purchased },
  ]
  return (
    <figure>
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={stages} layout="vertical" margin={{ left: 8, right: 40 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="stage" width={80} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="count" name="Journeys" fill="#1f5fa8">
            <LabelList dataKey="count" position="right" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption>
        Live orders since the report starts; {funnel.heldOut} journeys were held out to measure the lift, {funnel.emails} emails went out in
        all.
      </figcaption>
      <table className="sr-only">
        <caption>Funnel</caption>
        <tbody>
          {stages.map((row) => (
            <tr key={row.stage}>
              <th scope="row">{row.stage}</th>
              <td data-funnel={row.stage.toLowerCase()}>{row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
