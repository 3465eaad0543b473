import { loadCustomerHistory, type CustomerHistory, type Db } from '@crosswise/db'
import { classifySegment, journeyPolicySchema, type JourneyPolicy, type Segment } from '@crosswise/domain'
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
  const history = await loadCustomerHistory(db, storeId, customerId)
  if (!history) throw ApplicationFailure.nonRetryable(`Customer ${customerId} of store ${storeId} is not recorded`, 'UnknownCustomer')
  const policy = journeyPolicySchema.safeParse(history.storePolicy)
  if (!policy.success)
    throw ApplicationFailure.nonRetryable(`Store ${storeId} has an invalid journey policy: ${policy.error.message}`, 'InvalidPolicy')
  return { history, policy: policy.data, segment: classifySegment(history.orders, policy.data.segments).segment }
}
