import { setTimeout as sleep } from 'node:timers/promises'
import { listSends, recordDryRunEngagement, type Db } from '@crosswise/db'
import { seededRandom } from '@crosswise/domain'
import { drawReactions, type EngagementRates } from './engagement-model.ts'

/** What the simulated customers did so far. */
export interface SimulatedEngagement {
  emails: number
  opened: number
  clicked: number
  purchased: number
}

/**
 * Plays the customers of a dry-run store: every email that reaches the ledger gets the reactions
 * `drawReactions` deals it (seeded), recorded in time as dry-run engagement, which the journeys read
 * as they would Klaviyo's. Runs until `signal` aborts; a reaction that cannot be recorded goes to `onError`.
 */
export async function simulateEngagement(
  db: Db,
  storeId: string,
  options: { secondsPerDay: number; signal: AbortSignal; seed?: number; rates?: EngagementRates; onError?: (error: Error) => void },
): Promise<SimulatedEngagement> {
  const random = seededRandom(options.seed ?? 17)
  const seen = new Set<string>()
  const tally: SimulatedEngagement = { emails: 0, opened: 0, clicked: 0, purchased: 0 }
  const pending: Promise<void>[] = []
  while (!options.signal.aborted) {
    for (const send of await listSends(db, storeId)) {
      if (send.status !== 'sent' || !send.profileId || !send.sentAt || seen.has(send.sendKey)) continue
      seen.add(send.sendKey)
      tally.emails++
      for (const reaction of drawReactions(random, options.rates)) {
        const due = send.sentAt.getTime() + reaction.afterDays * options.secondsPerDay * 1000
        const record = async () => {
          await sleep(Math.max(0, due - Date.now()), undefined, { signal: options.signal })
          await recordDryRunEngagement(db, { sendKey: send.sendKey, kind: reaction.kind, storeId, profileId: send.profileId! })
          tally[reaction.kind]++
        }
        pending.push(
          record().catch((error: Error) => {
            if (!options.signal.aborted) options.onError?.(error)
          }),
        )
      }
    }
    await sleep(1_000, undefined, { signal: options.signal }).catch(() => {})
  }
  await Promise.all(pending)
  return tally
}
