import type { Db } from '@crosswise/db'
import type { JourneyActivities } from '@crosswise/journeys'
import { journeyStepActivities } from './journey-steps.ts'

/** The adapters activities are built over. */
export interface ActivityDeps {
  db: Db
}

/** Every journey activity, wired to real adapters. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...journeyStepActivities(deps.db),
  } satisfies JourneyActivities
}
