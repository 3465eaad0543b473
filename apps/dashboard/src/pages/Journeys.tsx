import type { JourneyCountsView } from '@crosswise/api'
import type { JourneyState } from '@crosswise/journeys'
import { useState, type FormEvent } from 'react'
import { read } from '../api.ts'
import { temporalUiList } from '../format.ts'
import { useAction, useApi } from '../useApi.ts'

const segments = ['first-time', 'repeat', 'vip'] as const

/** A count, linking into the Temporal UI's list of the journeys it counts when the UI's address is known. */
function CountLink({ count, query, ui }: { count: number; query: string; ui: JourneyCountsView['temporalUi'] }) {
  if (!ui) return <>{count}</>
  return (
    <a href={temporalUiList(ui, query)} title={query}>
      {count}
    </a>
  )
}

/** Where the store's customers stand now, per stage and segment, and one customer's journey with their emails. */
export function Journeys({ storeId, onError }: { storeId: string; onError: (error: unknown) => void }) {
  const { data, problem } = useApi<JourneyCountsView>(`/v1/admin/stores/${storeId}/journeys`, onError)
  return (
    <>
      <h1>Journeys of {storeId}</h1>
      {problem && <p role="alert">{problem}</p>}
      {!data && !problem && <p className="status">Counting journeys…</p>}
      {data && (
        <div className="table-scroll">
          <table data-testid="journey-counts">
            <caption>
              Journeys per stage and segment (running; “ended” counts every ended run). Each count opens the list in the Temporal UI.
            </caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">All</th>
                {segments.map((segment) => (
                  <th key={segment} scope="col">
                    {segment}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.stages.map((stage) => (
                <tr key={stage.stage} data-stage={stage.stage}>
                  <th scope="row">{stage.stage}</th>
                  <td data-column="all">
                    <CountLink count={stage.count} query={stage.query} ui={data.temporalUi} />
                  </td>
                  {stage.bySegment.map((cell) => (
                    <td key={cell.segment}>
                      <CountLink count={cell.count} query={cell.query} ui={data.temporalUi} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CustomerJourney storeId={storeId} onError={onError} />
    </>
  )
}

interface LedgerEntry {
  sendKey: string
  status: string
  pairingId: string | null
  reason: string | null
  sentAt: string | null
}

/** One customer's journey: its state (the workflow's `journeyState` query) and its entries in the send ledger. */
function CustomerJourney({ storeId, onError }: { storeId: string; onError: (error: unknown) => void }) {
  const [customerId, setCustomerId] = useState('')
  const [found, setFound] = useState<{ state: JourneyState; status: string; sends: LedgerEntry[] }>()
  const { run, problem } = useAction(onError)
  const look = async (event: FormEvent) => {
    event.preventDefault()
    setFound(undefined)
    const id = encodeURIComponent(customerId.trim())
    await run(async () => {
      const [journey, ledger] = await Promise.all([
        read<{ status: string; state: JourneyState }>(`/v1/admin/stores/${storeId}/journeys/${id}`),
        read<{ sends: LedgerEntry[] }>(`/v1/admin/stores/${storeId}/sends?customerId=${id}`),
      ])
      setFound({ ...journey, sends: ledger.sends })
    })
  }
  return (
    <section aria-labelledby="one-customer">
      <h2 id="one-customer">One customer’s journey</h2>
      <form className="row" onSubmit={(event) => void look(event)}>
        <label>
          Customer id <input value={customerId} onChange={(event) => setCustomerId(event.target.value)} required />
        </label>
        <button type="submit">Show journey</button>
      </form>
      {problem && <p role="alert">{problem}</p>}
      {found && (
        <div data-testid="customer-journey">
          <p>
            {found.status.toLowerCase()}, stage <strong>{found.state.stage}</strong>
            {found.state.segment ? `, ${found.state.segment}` : ''}: {found.state.details}
            {found.state.outcome ? ` Ended: ${found.state.outcome}.` : ''}
          </p>
          <p>
            Orders seen: {found.state.ordersSeen.join(', ') || 'none'}; emails sent: {found.state.emailsSent}
            {found.state.pairingIds.length > 0 ? ` (${found.state.pairingIds.join(', ')})` : ''}.
          </p>
          <table>
            <caption>Send ledger</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Status</th>
                <th scope="col">Pairing</th>
                <th scope="col">Sent</th>
              </tr>
            </thead>
            <tbody>
              {found.sends.map((send) => (
                <tr key={send.sendKey}>
                  <th scope="row">{send.sendKey}</th>
                  <td>
                    {send.status}
                    {send.reason ? ` (${send.reason})` : ''}
                  </td>
                  <td>{send.pairingId ?? '—'}</td>
                  <td>{send.sentAt ? new Date(send.sentAt).toLocaleString('en-GB') : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
