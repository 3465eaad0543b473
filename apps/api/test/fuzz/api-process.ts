import { spawn } from 'node:child_process'
import { freePort } from '@crosswise/local-stack'

/** The API as its own process, so a crash shows as an exit and a blocked event loop as a slow `/health`. */
export interface ApiProcess {
  url: string
  /** Its stderr and stdout so far (warnings and errors only). */
  output(): string
  /** The exit code once it exited by itself; undefined while it runs. */
  exitCode(): number | null | undefined
  stop(): Promise<void>
}

/** Starts `src/main.ts` under tsx on a free loopback port and waits until `/health` answers. */
export async function startApiProcess(env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), new URL('../../src/main.ts', import.meta.url).pathname], {
    env: { ...process.env, ...env, CROSSWISE_API_HOST: '127.0.0.1', CROSSWISE_API_PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  let exit: number | null | undefined
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exit = code
      resolve()
    }),
  )
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 60_000
  for (;;) {
    if (exit !== undefined) throw new Error(`the API exited with ${exit} while starting:\n${output}`)
    const up = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.ok,
      () => false,
    )
    if (up) break
    if (Date.now() > deadline) throw new Error(`the API did not answer within a minute:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    url,
    output: () => output,
    exitCode: () => exit,
    async stop() {
      if (exit !== undefined) return
      child.kill('SIGTERM')
      await exited
    },
  }
}
