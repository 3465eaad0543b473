import type { SessionScope } from '@crosswise/api'
import { useState, type FormEvent } from 'react'
import { write } from '../api.ts'
import { useAction } from '../useApi.ts'

/** Signs in with the admin token (every store) or a store's API token (that store only). */
export function Login({ onSignedIn }: { onSignedIn: (scope: SessionScope) => void }) {
  const [token, setToken] = useState('')
  const { run, problem } = useAction(() => undefined)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    await run(async () => onSignedIn(await write<SessionScope>('POST', '/v1/session', { token })))
  }
  return (
    <main className="login">
      <h1>Crosswise</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor="token">Admin token or store API token</label>
        <input
          id="token"
          type="password"
          autoComplete="current-password"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          required
        />
        <button type="submit">Sign in</button>
        {problem && (
          <p role="alert" className="problem">
            {problem}
          </p>
        )}
      </form>
      <p className="hint">`npm run dev` keeps the admin token in `.data/admin-token`.</p>
    </main>
  )
}
