/** Input of `recordJourneyStep`: one step of one journey, keyed for idempotency. */
export interface RecordJourneyStepInput {
  stepKey: string
  workflowId: string
  runId: string
  storeId: string
  customerId: string
  orderId: string
  step: string
}

/**
 * The activities a journey calls, known to workflow code by type only. The worker implements them
 * over the adapters (`createActivities` in apps/worker).
 */
export interface JourneyActivities {
  /** Records that a journey carried out a step; a repeat with the same key records nothing. */
  recordJourneyStep(input: RecordJourneyStepInput): Promise<void>
}
