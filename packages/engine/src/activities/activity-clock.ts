import { Context } from '@temporalio/activity'

/**
 * The time an activity acts at: the wall clock, or the time Temporal scheduled this attempt when that
 * is later. In production the schedule is always in the past; on the time-skipping test server
 * (`crosswise simulate`) it is the journey's own clock, which runs weeks ahead of the wall, and the
 * frequency cap and the ledger's send times must move with it.
 */
export function activityNow(): Date {
  return new Date(Math.max(Date.now(), Context.current().info.currentAttemptScheduledTimestampMs))
}
