// The API and worker as production runs them (`src/main.ts` of each app), as child processes of the
// cluster run: started, killed hard, or stopped gracefully.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

/** One running app process. */
export interface AppProcess {
  name: string
  child: ChildProcess
  /** SIGKILL: a crash, nothing drains. */
  kill(): Promise<void>
  /** SIGTERM: the app drains and exits; resolves with its exit code. */
  stop(): Promise<number | null>
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

/**
 * Starts `src/main.ts` of the app in `appDir` (`node --import tsx`, one process, so a signal hits the
 * app itself) and resolves once its output contains `readyLine` (at once without one); its output goes
 * to `log`.
 */
export async function startApp(
  name: string,
  appDir: string,
  env: NodeJS.ProcessEnv,
  readyLine: string | undefined,
  log: (name: string, line: string) => void,
): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(appDir, 'src', 'main.ts')], {
    cwd: appDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const started = new Promise<void>((resolve, reject) => {
    const watch = (chunk: Buffer) => {
      const text = chunk.toString('utf8')
      for (const line of text.trimEnd().split('\n')) log(name, line)
      output = (output + text).slice(-20_000)
      if (readyLine !== undefined && output.includes(readyLine)) resolve()
    }
    if (readyLine === undefined) resolve()
    child.stdout!.on('data', watch)
    child.stderr!.on('data', watch)
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${output.slice(-3000)}`)))
  })
  await started
  return {
    name,
    child,
    async kill() {
      const done = exited(child)
      child.kill('SIGKILL')
      await done
    },
    async stop() {
      const done = exited(child)
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
      const code = await done
      clearTimeout(timer)
      return code
    },
  }
}

/** Resolves once `url` answers 200. */
export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
