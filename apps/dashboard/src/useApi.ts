import { useCallback, useEffect, useState } from 'react'
import { read } from './api.ts'

/** Reads a path of the admin API whenever it changes; `reload` reads it again (after an edit). */
export function useApi<T>(path: string, onError: (error: unknown) => void) {
  const [data, setData] = useState<T>()
  const [problem, setProblem] = useState<string>()
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let current = true
    setProblem(undefined)
    read<T>(path).then(
      (value) => current && setData(value),
      (error: unknown) => {
        if (!current) return
        onError(error)
        setProblem(error instanceof Error ? error.message : String(error))
      },
    )
    return () => {
      current = false
    }
  }, [path, version, onError])
  const reload = useCallback(() => setVersion((value) => value + 1), [])
  return { data, problem, reload }
}
