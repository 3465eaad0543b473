/** What the bar shows: how far through the work, and counts worth watching ("1,200 lines  40 orders"). */
export interface ProgressState {
  fraction: number
  detail: string
}

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second; drawn only when stderr is
 * a terminal, so logs and CI output stay clean.
 */
export class ProgressBar {
  private lastDraw = 0
  private readonly started = Date.now()

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled: boolean = Boolean(process.stderr.isTTY),
  ) {}

  update(state: ProgressState, force = false): void {
    if (!this.enabled) return
    const now = Date.now()
    if (!force && now - this.lastDraw < 100) return
    this.lastDraw = now
    const width = 30
    const fraction = Math.min(1, Math.max(0, state.fraction))
    const filled = Math.round(fraction * width)
    const seconds = ((now - this.started) / 1000).toFixed(1)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
    // \x1b[K clears what a longer earlier detail left on the line.
    this.stream.write(`\r${bar} ${(fraction * 100).toFixed(0).padStart(3)}%  ${state.detail}  ${seconds}s\x1b[K`)
  }

  /** Ends the bar's line so the summary starts on a fresh one. */
  finish(state: ProgressState): void {
    if (!this.enabled) return
    this.update(state, true)
    this.stream.write('\n')
  }
}
