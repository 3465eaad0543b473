import type { Db } from '@crosswise/db'
import type { ActivityImplementations, pairingReviewActivityContracts } from '@crosswise/journeys'
import { promoteDeclaredWinner, runPairingReview } from '@crosswise/reports'
import { Context } from '@temporalio/activity'
import { activityNow } from './activity-clock.ts'

/**
 * Reviews a store's pairings for its monthly schedule, as `crosswise review` does by hand, and promotes
 * the running experiment's declared winner when the store lets it.
 */
export function pairingReviewActivities(db: Db): ActivityImplementations<typeof pairingReviewActivityContracts> {
  return {
    async recordPairingReview({ storeId }) {
      const run = await runPairingReview(db, storeId, activityNow())
      const withVerdict = (verdict: string) =>
        run.entries.filter((entry) => entry.verdict === verdict).map(({ pairingId, source }) => ({ pairingId, source }))
      const promoted = await promoteDeclaredWinner(db, storeId)
      const outcome = {
        reviewId: run.reviewId,
        reviewed: run.entries.length,
        retired: withVerdict('retire'),
        flagged: withVerdict('flag'),
        promotedVariant: promoted,
      }
      Context.current().log.info('pairings reviewed', { storeId, reviewId: run.reviewId, retired: outcome.retired.length })
      return outcome
    },
  }
}
