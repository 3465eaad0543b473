/**
 * Runs `round` again and again until stopped: at once while it reports more work, after `idleMs`
 * when it reports none, and after a doubling pause (up to 30 s) while it keeps throwing. For the
 * loops that drain a PostgreSQL queue into Temporal.
 */
export class PollingLoop {
  private running = false
  private loop: Promise<void> | undefined
  private wake: (() => void) | undefined

  constructor(
    private readonly round: () => Promise<{ more: boolean }>,
    private readonly idleMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    this.loop = this.run()
  }

  async stop(): Promise<void> {
    this.running = false
    this.wake?.()
    await this.loop
  }

  private async run(): Promise<void> {
    let failures = 0
    while (this.running) {
      let pause = this.idleMs
      try {
        if ((await this.round()).more) pause = 0
        failures = 0
      } catch (error) {
        failures++
        pause = Math.min(30_000, this.idleMs * 2 ** failures)
        this.onError(error)
      }
      if (pause > 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pause)
          this.wake = () => {
            clearTimeout(timer)
            resolve()
          }
        })
      }
    }
  }
}
