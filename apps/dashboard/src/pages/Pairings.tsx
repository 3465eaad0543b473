import type { StoreReportView } from '@crosswise/reports'
import { useMemo, useState, type FormEvent } from 'react'
import { write } from '../api.ts'
import { interval, money, percent, sortedBy } from '../format.ts'
import { useAction, useApi } from '../useApi.ts'
import { RecommendationRules } from './RecommendationRules.tsx'

interface PairingRow {
  pairingId: string
  source: string
  status: string
  reason: string
  sends: number
  clickRate: number
  clickLow: number | null
  clickHigh: number | null
  conversions: number
  conversionRate: number
  conversionLow: number | null
  conversionHigh: number | null
  revenuePerSend: number
  credited: number
}

/** The report's pairings with what the latest review said of each: active, retired (mined, best seller) or flagged (manual). */
function pairingRows(report: StoreReportView): PairingRow[] {
  const verdicts = new Map((report.review?.entries ?? []).map((entry) => [entry.pairingId, entry]))
  const credited = new Map(report.attribution.byPairing.map((row) => [row.pairingId, row.revenue]))
  return report.pairings.map((pairing) => {
    const verdict = verdicts.get(pairing.pairingId)
    return {
      pairingId: pairing.pairingId,
      source: pairing.source ?? 'unknown',
      status: verdict?.verdict === 'retire' ? 'retired' : verdict?.verdict === 'flag' ? 'flagged' : 'active',
      reason: verdict?.reason ?? 'not reviewed yet',
      sends: pairing.sends,
      clickRate: pairing.clickRate,
      clickLow: pairing.clickInterval.low,
      clickHigh: pairing.clickInterval.high,
      conversions: pairing.conversions,
      conversionRate: pairing.conversionRate,
      conversionLow: pairing.conversionInterval.low,
      conversionHigh: pairing.conversionInterval.high,
      revenuePerSend: pairing.revenuePerSend,
      credited: credited.get(pairing.pairingId) ?? 0,
    }
  })
}

const columns: Array<{ key: keyof PairingRow; label: string }> = [
  { key: 'pairingId', label: 'Pairing' },
  { key: 'source', label: 'Source' },
  { key: 'status', label: 'Status' },
  { key: 'sends', label: 'Sends' },
  { key: 'clickRate', label: 'Click-through (95 %)' },
  { key: 'conversionRate', label: 'Conversion (95 %)' },
  { key: 'revenuePerSend', label: 'Revenue per send' },
  { key: 'credited', label: 'Revenue credited' },
]

/** Every pairing sent, sortable and filterable by source, and the store's manual pairings to edit. */
export function Pairings({ storeId, onError }: { storeId: string; onError: (error: unknown) => void }) {
  const { data: report, problem } = useApi<StoreReportView>(`/v1/admin/stores/${storeId}/report`, onError)
  const [sort, setSort] = useState<{ key: keyof PairingRow; descending: boolean }>({ key: 'sends', descending: true })
  const [source, setSource] = useState('all')
  const rows = useMemo(() => (report ? pairingRows(report) : []), [report])
  if (problem) return <p role="alert">{problem}</p>
  if (!report) return <p className="status">Loading pairings…</p>
  const sources = [...new Set(rows.map((row) => row.source))].sort()
  const shown = sortedBy(
    rows.filter((row) => source === 'all' || row.source === source),
    (row) => row[sort.key],
    sort.descending,
  )
  return (
    <>
      <h1>Pairings of {storeId}</h1>
      <label className="inline">
        Source{' '}
        <select value={source} onChange={(event) => setSource(event.target.value)}>
          <option value="all">all</option>
          {sources.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <div className="table-scroll">
        <table data-testid="pairings">
          <caption className="sr-only">Pairings sent, with their results</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort"
                    onClick={() => setSort({ key: column.key, descending: sort.key === column.key ? !sort.descending : true })}
                  >
                    {column.label}
                  </button>
                </th>
              ))}
              <th scope="col">Review</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.pairingId} data-pairing={row.pairingId}>
                <th scope="row">{row.pairingId}</th>
                <td>{row.source}</td>
                <td>{row.status}</td>
                <td data-column="sends">{row.sends}</td>
                <td>
                  {percent(row.clickRate)} ({interval(row.clickLow, row.clickHigh, percent)})
                </td>
                <td>
                  {percent(row.conversionRate)} ({interval(row.conversionLow, row.conversionHigh, percent)})
                </td>
                <td>{money(row.revenuePerSend)}</td>
                <td>{money(row.credited)}</td>
                <td>{row.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p className="empty">No pairing has been sent yet.</p>}
      <ManualPairings storeId={storeId} onError={onError} />
      <RecommendationRules storeId={storeId} onError={onError} />
    </>
  )
}

interface ManualPairing {
  triggerProductId: string
  recommendedProductId: string
  priority: number
}

/** The store's "after X, recommend Y" pairings, served before anything mined: change a priority, add one, remove one. */
function ManualPairings({ storeId, onError }: { storeId: string; onError: (error: unknown) => void }) {
  const { data, problem, reload } = useApi<{ pairings: ManualPairing[] }>(`/v1/admin/stores/${storeId}/pairings`, onError)
  const [draft, setDraft] = useState({ trigger: '', recommended: '', priority: '0' })
  const { run, problem: saveProblem } = useAction(onError)
  const path = (pairing: { triggerProductId: string; recommendedProductId: string }) =>
    `/v1/admin/stores/${storeId}/pairings/${encodeURIComponent(pairing.triggerProductId)}/${encodeURIComponent(pairing.recommendedProductId)}`
  const act = async (change: () => Promise<unknown>) => {
    if (await run(change)) reload()
  }
  const add = (event: FormEvent) => {
    event.preventDefault()
    void act(() =>
      write('PUT', path({ triggerProductId: draft.trigger, recommendedProductId: draft.recommended }), {
        priority: Number(draft.priority),
      }),
    )
  }
  return (
    <section aria-labelledby="manual">
      <h2 id="manual">Manual pairings</h2>
      {problem && <p role="alert">{problem}</p>}
      {saveProblem && (
        <p role="alert" className="problem">
          {saveProblem}
        </p>
      )}
      <div className="table-scroll">
        <table data-testid="manual-pairings">
          <caption className="sr-only">Manual pairings</caption>
          <thead>
            <tr>
              <th scope="col">After</th>
              <th scope="col">Recommend</th>
              <th scope="col">Priority</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(data?.pairings ?? []).map((pairing) => {
              const id = `${pairing.triggerProductId}-${pairing.recommendedProductId}`
              return (
                <tr key={id} data-manual={id}>
                  <td>{pairing.triggerProductId}</td>
                  <td>{pairing.recommendedProductId}</td>
                  <td>
                    <label className="sr-only" htmlFor={`priority-${id}`}>
                      Priority of {pairing.triggerProductId} to {pairing.recommendedProductId}
                    </label>
                    <input
                      id={`priority-${id}`}
                      type="number"
                      defaultValue={pairing.priority}
                      onBlur={(event) => {
                        const priority = Number(event.target.value)
                        if (priority !== pairing.priority) void act(() => write('PUT', path(pairing), { priority }))
                      }}
                    />
                  </td>
                  <td>
                    <button type="button" className="quiet" onClick={() => void act(() => write('DELETE', path(pairing)))}>
                      Remove
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <form className="row" onSubmit={add}>
        <label>
          After product <input value={draft.trigger} onChange={(event) => setDraft({ ...draft, trigger: event.target.value })} required />
        </label>
        <label>
          recommend{' '}
          <input value={draft.recommended} onChange={(event) => setDraft({ ...draft, recommended: event.target.value })} required />
        </label>
        <label>
          priority <input type="number" value={draft.priority} onChange={(event) => setDraft({ ...draft, priority: event.target.value })} />
        </label>
        <button type="submit">Save pairing</button>
      </form>
    </section>
  )
}
