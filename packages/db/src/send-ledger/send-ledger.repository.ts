import { sql } from 'kysely'
import type { Db } from '../database.ts'
import type { SendStatus } from './send-ledger.table.ts'

/** One row of the send ledger. */
export interface LedgerEntry {
  sendKey: string
  storeId: string
  customerId: string
  orderId: string
  step: string
  kind: string | null
  pairingId: string | null
  pairingSource: string | null
  productIds: string[]
  status: SendStatus
  reason: string | null
  channel: string | null
  profileId: string | null
  sentAt: Date | null
  experimentId: string | null
  variantId: string | null
  segment: string | null
  pick: Record<string, unknown> | null
  consentSource: string | null
}

/** What a journey is about to send, under its idempotency key. */
export interface SendClaim {
  sendKey: string
  storeId: string
  customerId: string
  orderId: string
  step: string
  kind: string
  pairingId: string
  pairingSource: string
  productIds: string[]
  /** The experiment and variant this email goes out under, if the store runs one. */
  experimentId?: string
  variantId?: string
  /** The customer's segment as the journey classified them. */
  segment?: string
  /** The whole pick (pairing, trigger product, reason), kept so a retry sends what a fall-through chose. */
  pick?: Record<string, unknown>
  /** Whose consent let the email go: `klaviyo` or `order`. */
  consentSource?: string
}

const columns = [
  'send_key',
  'store_id',
  'customer_id',
  'order_id',
  'step',
  'kind',
  'pairing_id',
  'pairing_source',
  'product_ids',
  'status',
  'reason',
  'channel',
  'profile_id',
  'sent_at',
  'experiment_id',
  'variant_id',
  'segment',
  'pick',
  'consent_source',
] as const

type Row = { [K in (typeof columns)[number]]: unknown }

function toEntry(row: Row): LedgerEntry {
  return {
    sendKey: row.send_key as string,
    storeId: row.store_id as string,
    customerId: row.customer_id as string,
    orderId: row.order_id as string,
    step: row.step as string,
    kind: row.kind as string | null,
    pairingId: row.pairing_id as string | null,
    pairingSource: row.pairing_source as string | null,
    productIds: row.product_ids as string[],
    status: row.status as SendStatus,
    reason: row.reason as string | null,
    channel: row.channel as string | null,
    profileId: row.profile_id as string | null,
    sentAt: row.sent_at as Date | null,
    experimentId: row.experiment_id as string | null,
    variantId: row.variant_id as string | null,
    segment: row.segment as string | null,
    pick: row.pick as Record<string, unknown> | null,
    consentSource: row.consent_source as string | null,
  }
}

/**
 * Claims the ledger row of a send before the gateway is called: inserts it as `sending`, or returns
 * the row an earlier attempt left (`sending` after a crash mid-call, or already `sent`). `claimedNow`
 * tells which: only a send claimed by this attempt can be sure no gateway call was made under its key.
 */
export async function claimSend(db: Db, claim: SendClaim): Promise<LedgerEntry & { claimedNow: boolean }> {
  const inserted = await db
    .insertInto('journey_sends')
    .values({
      send_key: claim.sendKey,
      store_id: claim.storeId,
      customer_id: claim.customerId,
      order_id: claim.orderId,
      step: claim.step,
      kind: claim.kind,
      pairing_id: claim.pairingId,
      pairing_source: claim.pairingSource,
      product_ids: JSON.stringify(claim.productIds),
      status: 'sending',
      reason: null,
      channel: null,
      profile_id: null,
      experiment_id: claim.experimentId ?? null,
      variant_id: claim.variantId ?? null,
      segment: claim.segment ?? null,
      pick: claim.pick ? JSON.stringify(claim.pick) : null,
      consent_source: claim.consentSource ?? null,
    })
    .onConflict((oc) => oc.column('send_key').doNothing())
    .returning(columns)
    .executeTakeFirst()
  if (inserted) return { ...toEntry(inserted), claimedNow: true }
  const row = await db.selectFrom('journey_sends').select(columns).where('send_key', '=', claim.sendKey).executeTakeFirstOrThrow()
  return { ...toEntry(row), claimedNow: false }
}

/** Puts another pick into a claimed send that has not gone out: what a fall-through chose instead. */
export async function repickSend(
  db: Db,
  sendKey: string,
  pick: { pairingId: string; pairingSource: string; productIds: string[]; pick: Record<string, unknown> },
): Promise<void> {
  await db
    .updateTable('journey_sends')
    .set({
      pairing_id: pick.pairingId,
      pairing_source: pick.pairingSource,
      product_ids: JSON.stringify(pick.productIds),
      pick: JSON.stringify(pick.pick),
    })
    .where('send_key', '=', sendKey)
    .where('status', '=', 'sending')
    .execute()
}

/** How a send went out. */
export interface Delivery {
  channel: string
  profileId: string
  at: Date
  /** Every product the email showed, when more than the pick's (a grid). */
  productIds?: string[]
}

/** Marks a claimed send as sent at `delivery.at`; the first send time stays if it is marked again. Returns it. */
export async function markSent(db: Db, sendKey: string, delivery: Delivery): Promise<Date> {
  const row = await db
    .updateTable('journey_sends')
    .set({
      status: 'sent',
      ...(delivery.productIds ? { product_ids: JSON.stringify(delivery.productIds) } : {}),
      channel: delivery.channel,
      profile_id: delivery.profileId,
      sent_at: sql<Date>`coalesce(sent_at, ${delivery.at})`,
    })
    .where('send_key', '=', sendKey)
    .returning('sent_at')
    .executeTakeFirstOrThrow()
  return row.sent_at!
}

/** Records that a journey step decided not to send (no consent, holdout, Klaviyo refused a check); once per key. */
export async function recordRefusal(
  db: Db,
  refusal: Pick<SendClaim, 'sendKey' | 'storeId' | 'customerId' | 'orderId' | 'step'> & {
    status: 'no-consent' | 'held-out' | 'rejected'
    reason: string
    consentSource?: string
  },
): Promise<void> {
  await db
    .insertInto('journey_sends')
    .values({
      send_key: refusal.sendKey,
      store_id: refusal.storeId,
      customer_id: refusal.customerId,
      order_id: refusal.orderId,
      step: refusal.step,
      kind: null,
      pairing_id: null,
      status: refusal.status,
      reason: refusal.reason,
      channel: null,
      profile_id: null,
      consent_source: refusal.consentSource ?? null,
    })
    .onConflict((oc) => oc.column('send_key').doNothing())
    .execute()
}

/**
 * Settles a claimed send that must not go out after all (a recommended product became unavailable);
 * a send already marked sent stays sent.
 */
export async function markUnsendable(db: Db, sendKey: string, reason: string): Promise<void> {
  await db
    .updateTable('journey_sends')
    .set({ status: 'unavailable', reason })
    .where('send_key', '=', sendKey)
    .where('status', '=', 'sending')
    .execute()
}

/**
 * Settles a claimed send that Klaviyo refused for good (a 4xx other than 429), with its answer as the
 * reason; a send already marked sent stays sent.
 */
export async function markRejected(db: Db, sendKey: string, reason: string): Promise<void> {
  await db
    .updateTable('journey_sends')
    .set({ status: 'rejected', reason })
    .where('send_key', '=', sendKey)
    .where('status', '=', 'sending')
    .execute()
}

/** One ledger row by its key. */
export async function findSend(db: Db, sendKey: string): Promise<LedgerEntry | undefined> {
  const row = await db.selectFrom('journey_sends').select(columns).where('send_key', '=', sendKey).executeTakeFirst()
  return row && toEntry(row)
}

/** A store's ledger, oldest first; optionally one customer's. */
export async function listSends(db: Db, storeId: string, customerId?: string): Promise<LedgerEntry[]> {
  let query = db.selectFrom('journey_sends').select(columns).where('store_id', '=', storeId)
  if (customerId !== undefined) query = query.where('customer_id', '=', customerId)
  const rows = await query.orderBy('created_at').orderBy('send_key').execute()
  return rows.map(toEntry)
}
