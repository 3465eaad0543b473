/** A Ctrl-C (or SIGTERM) asked for at any moment, including while the stack is still starting. */
export interface StopRequest {
  /** Aborted once a stop is asked for; `reason` says why. */
  signal: AbortSignal
  /** Resolves with the reason when a stop is asked for. */
  asked: Promise<string>
  /** Asks for a stop from inside, as when an app dies. */
  request(reason: string): void
  /** Stops listening for the signals. */
  dispose(): void
}

/**
 * Listens for SIGINT and SIGTERM from the first moment, so a Ctrl-C while PostgreSQL or Temporal
 * is still starting stops what has started instead of killing the process and orphaning servers.
 */
export function listenForStop(): StopRequest {
  const controller = new AbortController()
  let answer: (reason: string) => void = () => {}
  const asked = new Promise<string>((resolve) => (answer = resolve))
  const request = (reason: string) => {
    if (controller.signal.aborted) return
    controller.abort(reason)
    answer(reason)
  }
  const onSignal = (name: NodeJS.Signals) => request(name)
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    asked,
    request,
    dispose() {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    },
  }
}
