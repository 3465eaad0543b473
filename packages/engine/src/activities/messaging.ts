import { acceptsMarketing, listDryRunEngagement, writeOutboxEvent, type Db } from '@crosswise/db'
import { createOutboxGateway, type KlaviyoGateway, type OutboxStore } from '@crosswise/klaviyo'
import type { KlaviyoGateways } from './klaviyo-gateways.ts'

/** How a store's emails go out: through Klaviyo, or into the dry-run outbox. */
export type Channel = 'klaviyo' | 'outbox'

/** The gateway for each store and channel. */
export interface Messaging {
  /** The channel a store's new emails use and its gateway: Klaviyo when it has a key, the outbox otherwise. */
  current(storeId: string): Promise<{ channel: Channel; gateway: KlaviyoGateway }>
  /** The gateway of a channel for a store (engagement is read through the channel an email used). */
  gateway(storeId: string, channel: Channel): Promise<KlaviyoGateway>
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

/** Chooses each store's gateway: its Klaviyo account (own key or `KLAVIYO_API_KEY`), else the dry run. */
export function createMessaging(db: Db, klaviyo: KlaviyoGateways): Messaging {
  return {
    async current(storeId) {
      const gateway = await klaviyo.forStore(storeId)
      return gateway ? { channel: 'klaviyo', gateway } : { channel: 'outbox', gateway: createOutboxGateway(outboxStore(db, storeId)) }
    },
    async gateway(storeId, channel) {
      if (channel === 'outbox') return createOutboxGateway(outboxStore(db, storeId))
      const gateway = await klaviyo.forStore(storeId)
      if (!gateway) throw new Error(`An email of store ${storeId} went through Klaviyo, but the store has no Klaviyo key any more.`)
      return gateway
    },
  }
}
