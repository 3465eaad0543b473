import { useCallback, useEffect, useState } from 'react'
import { ApiError, read } from './api.ts'

/** What a failed call says to the person. */
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Reads a path of the admin API whenever it changes; `reload` reads it again (after an edit). */
export function useApi<T>(path: string, onError: (error: unknown) => void) {
  const [data, setData] = useState<T>()
  const [problem, setProblem] = useState<{ message: string; status?: number }>()
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let current = true
    setProblem(undefined)
    read<T>(path).then(
      (value) => current && setData(value),
      (error: unknown) => {
        if (!current) return
        onError(error)
        setProblem({ message: messageOf(error), ...(error instanceof ApiError ? { status: error.status } : {}) })
      },
    )
    return () => {
      current = false
    }
  }, [path, version, onError])
  const reload = useCallback(() => setVersion((value) => value + 1), [])
  return { data, problem: problem?.message, missing: problem?.status === 404, reload }
}

/** Runs a change through the API, keeping what went wrong for the page to show; true when it went through. */
export function useAction(onError: (error: unknown) => void) {
  const [problem, setProblem] = useState<string>()
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setProblem(undefined)
      try {
        await action()
        return true
      } catch (error) {
        onError(error)
        setProblem(messageOf(error))
        return false
      }
    },
    [onError],
  )
  return { run, problem }
}
