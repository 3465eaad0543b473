import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common'

/** The store a journey belongs to. */
export const storeIdAttribute = defineSearchAttributeKey('StoreId', SearchAttributeType.KEYWORD)
/** The customer a journey belongs to. */
export const customerIdAttribute = defineSearchAttributeKey('CustomerId', SearchAttributeType.KEYWORD)
/** The journey's current stage, e.g. `waiting-for-fulfilment`. */
export const journeyStageAttribute = defineSearchAttributeKey('JourneyStage', SearchAttributeType.KEYWORD)
