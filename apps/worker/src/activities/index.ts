import type { Db } from '@crosswise/db'
import type { JourneyActivities } from '@crosswise/journeys'
import type { KlaviyoGateway } from '@crosswise/klaviyo'
import { engagementActivities } from './engagement.ts'
import { journeyContextActivities } from './journey-context.ts'
import { createMessaging } from './messaging.ts'
import { pairingActivities } from './pairings.ts'
import { sendGuardActivities } from './send-guards.ts'
import { sendActivities } from './sends.ts'

/** The adapters activities are built over. */
export interface ActivityDeps {
  db: Db
  /** The SDK gateway of the configured Klaviyo key; without it every store runs dry (outbox). */
  klaviyo?: KlaviyoGateway
}

/** Every journey activity, wired to real adapters. */
export function createActivities(deps: ActivityDeps) {
  const messaging = createMessaging(deps.db, deps.klaviyo)
  return {
    ...journeyContextActivities(deps.db),
    ...sendGuardActivities(deps.db, messaging),
    ...pairingActivities(deps.db),
    ...sendActivities(deps.db, messaging),
    ...engagementActivities(deps.db, messaging),
  } satisfies JourneyActivities
}
