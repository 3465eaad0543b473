import type { ChildProcess } from 'node:child_process'

/**
 * Returns a `stop()` for a server child process: it sends `signal`, escalates to SIGKILL after
 * `graceMs`, and resolves when the child has exited. The child also gets `signal` if this process
 * exits first, so a crash leaves no server holding its port and data folder.
 */
export function stopOnExit(
  child: ChildProcess,
  exited: Promise<number | null>,
  signal: NodeJS.Signals,
  graceMs = 15_000,
): () => Promise<void> {
  const onExit = () => {
    child.kill(signal)
  }
  process.once('exit', onExit)
  return async () => {
    process.off('exit', onExit)
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill(signal)
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(timer)
  }
}
