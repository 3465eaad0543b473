import { useEffect, useState, type FormEvent } from 'react'
import { write } from '../api.ts'
import { useAction, useApi } from '../useApi.ts'

interface Rules {
  incompatibleCategories: Array<[string, string]>
  minSupport: number
  minLift: number
  priceBands: Record<string, { min?: string; max?: string } | undefined>
}

/** One category pair a line, `Pet food | Baby`. */
const pairsText = (pairs: Rules['incompatibleCategories']) => pairs.map(([a, b]) => `${a} | ${b}`).join('\n')
const textPairs = (text: string): Array<[string, string]> =>
  text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter((parts): parts is [string, string] => parts.length === 2 && parts.every((part) => part.length > 0))

/** The store's rules on mined pairings: how much evidence a pairing needs, and categories that never go together. */
export function RecommendationRules({ storeId, onError }: { storeId: string; onError: (error: unknown) => void }) {
  const path = `/v1/admin/stores/${storeId}/recommendation-rules`
  const { data, problem, reload } = useApi<Rules>(path, onError)
  const [draft, setDraft] = useState({ minSupport: '0', minLift: '0', incompatible: '' })
  useEffect(() => {
    if (data)
      setDraft({ minSupport: String(data.minSupport), minLift: String(data.minLift), incompatible: pairsText(data.incompatibleCategories) })
  }, [data])
  const { run, problem: saveProblem } = useAction(onError)
  const [saved, setSaved] = useState(false)
  const save = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(false)
    const body = {
      minSupport: Number(draft.minSupport),
      minLift: Number(draft.minLift),
      incompatibleCategories: textPairs(draft.incompatible),
      priceBands: data?.priceBands ?? {},
    }
    if (await run(() => write('PUT', path, body))) {
      setSaved(true)
      reload()
    }
  }
  return (
    <section aria-labelledby="rules">
      <h2 id="rules">Rules for mined pairings</h2>
      {problem && <p role="alert">{problem}</p>}
      <form className="row" onSubmit={(event) => void save(event)}>
        <label>
          Orders holding both, at least{' '}
          <input
            type="number"
            min={0}
            value={draft.minSupport}
            onChange={(event) => setDraft({ ...draft, minSupport: event.target.value })}
          />
        </label>
        <label>
          Lift, at least{' '}
          <input
            type="number"
            min={0}
            step="0.1"
            value={draft.minLift}
            onChange={(event) => setDraft({ ...draft, minLift: event.target.value })}
          />
        </label>
        <label>
          Categories that never go together (one pair a line, <code>A | B</code>)
          <textarea
            rows={3}
            cols={40}
            value={draft.incompatible}
            onChange={(event) => setDraft({ ...draft, incompatible: event.target.value })}
          />
        </label>
        <button type="submit">Save rules</button>
      </form>
      {saved && <p role="status">Saved: journeys use the rules from their next pick on.</p>}
      {saveProblem && (
        <p role="alert" className="problem">
          {saveProblem}
        </p>
      )}
    </section>
  )
}
