import type { Db } from '../database.ts'

/** A journey's holdout assignment. */
export interface HoldoutAssignment {
  storeId: string
  orderId: string
  customerId: string
  heldOut: boolean
  position: number
  share: number
  /** The point of sending; the database's clock when not given. */
  assignedAt?: Date
}

/** Records a journey's assignment once per trigger order; a repeat changes nothing. */
export async function recordHoldoutAssignment(db: Db, assignment: HoldoutAssignment): Promise<void> {
  await db
    .insertInto('holdout_assignments')
    .values({
      store_id: assignment.storeId,
      order_id: assignment.orderId,
      customer_id: assignment.customerId,
      held_out: assignment.heldOut,
      position: assignment.position,
      share: assignment.share,
      ...(assignment.assignedAt ? { assigned_at: assignment.assignedAt } : {}),
    })
    .onConflict((oc) => oc.columns(['store_id', 'order_id']).doNothing())
    .execute()
}

/** A store's assignments, for lift reports and tests. */
export async function listHoldoutAssignments(db: Db, storeId: string): Promise<HoldoutAssignment[]> {
  const rows = await db.selectFrom('holdout_assignments').selectAll().where('store_id', '=', storeId).orderBy('assigned_at').execute()
  return rows.map((row) => ({
    storeId: row.store_id,
    orderId: row.order_id,
    customerId: row.customer_id,
    heldOut: row.held_out,
    position: row.position,
    share: row.share,
  }))
}
