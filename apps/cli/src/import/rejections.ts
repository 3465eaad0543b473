/** A line that was not imported, and why. Line 1 is the header. */
export interface Rejection {
  line: number
  reason: string
}

/** Rejected lines of an import: how many, and by reason with the first line of each. */
export interface RejectionTally {
  rejected: number
  rejectedByReason: Map<string, { count: number; firstLine: number }>
}

/** Counts a rejected line in the tally. */
export function tallyRejection(tally: RejectionTally, rejection: Rejection): void {
  tally.rejected++
  const known = tally.rejectedByReason.get(rejection.reason)
  if (known) known.count++
  else tally.rejectedByReason.set(rejection.reason, { count: 1, firstLine: rejection.line })
}
