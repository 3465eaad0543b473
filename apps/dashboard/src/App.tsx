import type { SessionScope } from '@crosswise/api'
import { useCallback, useEffect, useState } from 'react'
import { read, SignedOut, write } from './api.ts'
import { Experiments } from './pages/Experiments.tsx'
import { Journeys } from './pages/Journeys.tsx'
import { Login } from './pages/Login.tsx'
import { Overview } from './pages/Overview.tsx'
import { Pairings } from './pages/Pairings.tsx'

const pages = { overview: 'Overview', pairings: 'Pairings', experiments: 'Experiments', journeys: 'Journeys' } as const
type Page = keyof typeof pages

/** The page and store in the address (`#/pairings?store=demo`), so a view can be bookmarked and shared. */
function fromHash(): { page: Page; store: string | undefined } {
  const [path = '', query = ''] = window.location.hash.replace(/^#\/?/, '').split('?')
  const page = (Object.keys(pages) as Page[]).find((name) => name === path) ?? 'overview'
  return { page, store: new URLSearchParams(query).get('store') ?? undefined }
}

export function App() {
  const [session, setSession] = useState<SessionScope | null | undefined>(undefined)
  const [stores, setStores] = useState<string[]>([])
  const [{ page, store }, setView] = useState(fromHash)

  useEffect(() => {
    const onHash = () => setView(fromHash())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  useEffect(() => {
    read<SessionScope>('/v1/session').then(setSession, () => setSession(null))
  }, [])
  useEffect(() => {
    if (!session) return
    if (session.kind === 'store') setStores([session.storeId])
    else read<{ stores: Array<{ id: string }> }>('/v1/admin/stores').then((list) => setStores(list.stores.map((one) => one.id)), onError)
  }, [session])

  const onError = useCallback((error: unknown) => {
    if (error instanceof SignedOut) setSession(null)
  }, [])
  const go = (next: { page?: Page; store?: string }) => {
    const target = { page: next.page ?? page, store: next.store ?? store }
    window.location.hash = `#/${target.page}${target.store ? `?store=${encodeURIComponent(target.store)}` : ''}`
  }

  if (session === undefined) return <p className="status">Loading…</p>
  if (session === null) return <Login onSignedIn={setSession} />
  const current = store && stores.includes(store) ? store : stores[0]
  return (
    <>
      <header className="bar">
        <span className="brand">Crosswise</span>
        <nav aria-label="Pages">
          {(Object.keys(pages) as Page[]).map((name) => (
            <a key={name} href={`#/${name}${current ? `?store=${current}` : ''}`} aria-current={name === page ? 'page' : undefined}>
              {pages[name]}
            </a>
          ))}
        </nav>
        <label className="picker">
          Store{' '}
          <select value={current ?? ''} onChange={(event) => go({ store: event.target.value })} disabled={stores.length < 2}>
            {stores.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="quiet" onClick={() => void write('DELETE', '/v1/session').then(() => setSession(null))}>
          Sign out
        </button>
      </header>
      <main>
        {!current ? (
          <p className="status">No store yet: create one with the admin API.</p>
        ) : page === 'overview' ? (
          <Overview storeId={current} onError={onError} />
        ) : page === 'pairings' ? (
          <Pairings storeId={current} onError={onError} />
        ) : page === 'experiments' ? (
          <Experiments storeId={current} onError={onError} />
        ) : (
          <Journeys storeId={current} onError={onError} />
        )}
      </main>
    </>
  )
}
