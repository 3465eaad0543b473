import {
  acceptsMarketing,
  listDryRunEngagement,
  writeOutboxEvent,
  type Db,
} from '@crosswise/db'
import { createOutboxGateway, type KlaviyoGateway, type OutboxStore } from '@crosswise/klaviyo'

/** How a store's emails go out: through Klaviyo, or into the dry-run outbox. */
export type Channel = 'klaviyo' | 'outbox'

/** The gateway for each store and channel. */
export interface Messaging {
  /** The channel a store's new emails use: Klaviyo when it has a key, the dry-run outbox otherwise. */
  channelFor(storeId: string): Channel
  /** The gateway of a channel for a store (engagement is read through the channel an email used). */
  gateway(storeId: string, channel: Channel): KlaviyoGateway
}

/** The dry-run outbox of one store, over PostgreSQL. */
function outboxStore(db: Db, storeId: string): OutboxStore {
  return {
    async write(entry) {
      await writeOutboxEvent(db, { ...entry, event: entry.body })
    },
    async readEngagement(profileId, since) {
      const recorded = await listDryRunEngagement(db, profileId, since)
      return recorded.flatMap((event) =>
        event.kind === 'purchased' ? [] : [{ id: `${event.sendKey}:${event.kind}`, kind: event.kind, at: event.occurredAt }],
      )
    },
    readAcceptsMarketing: (email) => acceptsMarketing(db, storeId, email),
  }
}

/**
 * Chooses each store's gateway. `klaviyo` is the SDK gateway of the configured key
 * (`KLAVIYO_API_KEY`, one account for now); without it every store runs dry.
 */
export function createMessaging(db: Db, klaviyo?: KlaviyoGateway): Messaging {
  return {
    channelFor: () => (klaviyo ? 'klaviyo' : 'outbox'),
    gateway(storeId, channel) {
      if (channel === 'klaviyo') {
        if (!klaviyo) throw new Error('This email went through Klaviyo, but no Klaviyo key is configured any more.')
        return klaviyo
      }
      return createOutboxGateway(outboxStore(db, storeId))
    },
  }
}
