import type { Db } from '../database.ts'

/** A step a journey carried out. */
export interface JourneyStep {
  stepKey: string
  workflowId: string
  runId: string
  storeId: string
  customerId: string
  orderId: string
  step: string
  detail?: Record<string, unknown>
}

/** Records a step once: a retried or replayed activity with the same key changes nothing. */
export async function recordJourneyStep(db: Db, step: JourneyStep): Promise<{ recorded: boolean }> {
  const inserted = await db
    .insertInto('journey_steps')
    .values({
      step_key: step.stepKey,
      workflow_id: step.workflowId,
      run_id: step.runId,
      store_id: step.storeId,
      customer_id: step.customerId,
      order_id: step.orderId,
      step: step.step,
      detail: JSON.stringify(step.detail ?? {}),
    })
    .onConflict((oc) => oc.column('step_key').doNothing())
    .returning('step_key')
    .executeTakeFirst()
  return { recorded: inserted !== undefined }
}

/** The steps of one journey, oldest first. */
export async function listJourneySteps(db: Db, workflowId: string): Promise<JourneyStep[]> {
  const rows = await db.selectFrom('journey_steps').selectAll().where('workflow_id', '=', workflowId).orderBy('recorded_at').execute()
  return rows.map((row) => ({
    stepKey: row.step_key,
    workflowId: row.workflow_id,
    runId: row.run_id,
    storeId: row.store_id,
    customerId: row.customer_id,
    orderId: row.order_id,
    step: row.step,
    detail: row.detail,
  }))
}
