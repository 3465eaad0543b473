import { InvalidPolicyError, loadCustomerHistory, type CustomerHistory, type Db } from '@crosswise/db'
import { classifySegment, type JourneyPolicy, type Segment } from '@crosswise/domain'
import { ApplicationFailure } from '@temporalio/common'

/** A recorded customer with the store's journey policy and their segment under it. */
export interface SegmentedCustomer {
  history: CustomerHistory
  policy: JourneyPolicy
  segment: Segment
}

/**
 * Loads a customer and classifies them by the store's policy: the one reading of "who is this
 * customer" for a journey's timing and its recommendation's price band. An unknown customer or an
 * invalid policy cannot be fixed by a retry.
 */
export async function loadSegmentedCustomer(db: Db, storeId: string, customerId: string): Promise<SegmentedCustomer> {
  const history = await loadCustomerHistory(db, storeId, customerId).catch((error: unknown) => {
    if (error instanceof InvalidPolicyError) throw ApplicationFailure.nonRetryable(error.message, 'InvalidPolicy')
    throw error
  })
  if (!history) throw ApplicationFailure.nonRetryable(`Customer ${customerId} of store ${storeId} is not recorded`, 'UnknownCustomer')
  const policy = history.storePolicy
  return { history, policy, segment: classifySegment(history.orders, policy.segments).segment }
}
