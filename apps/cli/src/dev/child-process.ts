import { spawn, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import type { Writable } from 'node:stream'

const require = createRequire(import.meta.url)
const tsxLoader = import.meta.resolve('tsx')

/** A Crosswise app (worker or API) running as a child process under tsx. */
export interface AppProcess {
  name: string
  child: ChildProcess
  exited: Promise<number | null>
  stop(): Promise<void>
}

/** Starts an app's `main` export (`@crosswise/worker/main`) with the given environment; logs go to `logs`. */
export function startApp(name: string, entry: string, env: NodeJS.ProcessEnv, logs: Writable): AppProcess {
  const child = spawn(process.execPath, ['--import', tsxLoader, require.resolve(entry)], {
    env,
    // The IPC channel closes when this process dies, even by SIGKILL; the app then shuts down.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  child.stdout?.pipe(logs, { end: false })
  child.stderr?.pipe(logs, { end: false })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    name,
    child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    },
  }
}
