import type { Db } from '@crosswise/db'
import type { ActivityImplementations, pairingRefreshActivityContracts } from '@crosswise/journeys'
import { Context } from '@temporalio/activity'
import { ApplicationFailure } from '@temporalio/common'
import { mineStorePairings, UnknownStoreError } from '@crosswise/mining'

/** Mines a store's pairings again for its nightly schedule, as `crosswise mine` does by hand. */
export function pairingRefreshActivities(db: Db): ActivityImplementations<typeof pairingRefreshActivityContracts> {
  return {
    async refreshStorePairings({ storeId }) {
      const context = Context.current()
      try {
        // Each page read, each batch written and every few seconds of mining is a heartbeat, so a lost
        // worker is noticed in minutes, and a cancellation (delivered with a heartbeat) stops the mining thread.
        const result = await mineStorePairings(db, storeId, {
          onProgress: (progress) => context.heartbeat(progress),
          signal: context.cancellationSignal,
        })
        if (result.status === 'no-orders') return result
        const { modelId, orders, products, pairings } = result
        context.log.info('pairings refreshed', { storeId, modelId, orders, pairings })
        return { status: 'mined', modelId, orders, products, pairings }
      } catch (error) {
        if (error instanceof UnknownStoreError) throw ApplicationFailure.nonRetryable(error.message, 'UnknownStore')
        throw error
      }
    },
  }
}
