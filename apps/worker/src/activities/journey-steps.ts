import { recordJourneyStep, type Db } from '@crosswise/db'
import type { JourneyActivities } from '@crosswise/journeys'

/** Activities that keep the journey's own ledger of steps. */
export function journeyStepActivities(db: Db): Pick<JourneyActivities, 'recordJourneyStep'> {
  return {
    async recordJourneyStep(input) {
      await recordJourneyStep(db, input)
    },
  }
}
