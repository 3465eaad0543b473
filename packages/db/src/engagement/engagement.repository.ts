import type { Db } from '../database.ts'
import type { DryRunEngagementKind } from './engagement.table.ts'

/** One recorded reaction to a dry-run email. */
export interface DryRunEngagement {
  sendKey: string
  kind: DryRunEngagementKind
  storeId: string
  profileId: string
  occurredAt: Date
}

/** Records a reaction to a dry-run email; a second one of the same kind for the same email is ignored. */
export async function recordDryRunEngagement(
  db: Db,
  engagement: Omit<DryRunEngagement, 'occurredAt'> & { occurredAt?: Date },
): Promise<{ recorded: boolean }> {
  const inserted = await db
    .insertInto('dry_run_engagements')
    .values({
      send_key: engagement.sendKey,
      kind: engagement.kind,
      store_id: engagement.storeId,
      profile_id: engagement.profileId,
      ...(engagement.occurredAt ? { occurred_at: engagement.occurredAt } : {}),
    })
    .onConflict((oc) => oc.columns(['send_key', 'kind']).doNothing())
    .returning('send_key')
    .executeTakeFirst()
  return { recorded: inserted !== undefined }
}

/** A profile's dry-run reactions at or after a moment, oldest first. */
export async function listDryRunEngagement(db: Db, profileId: string, since: Date): Promise<DryRunEngagement[]> {
  const rows = await db
    .selectFrom('dry_run_engagements')
    .selectAll()
    .where('profile_id', '=', profileId)
    .where('occurred_at', '>=', since)
    .orderBy('occurred_at')
    .execute()
  return rows.map((row) => ({
    sendKey: row.send_key,
    kind: row.kind,
    storeId: row.store_id,
    profileId: row.profile_id,
    occurredAt: row.occurred_at,
  }))
}
