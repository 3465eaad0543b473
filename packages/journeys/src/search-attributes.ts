import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common'

// Names and types match journeySearchAttributes in @crosswise/domain, which registers them.

/** The store a journey belongs to. */
export const storeIdAttribute = defineSearchAttributeKey('StoreId', SearchAttributeType.KEYWORD)
/** The customer a journey belongs to. */
export const customerIdAttribute = defineSearchAttributeKey('CustomerId', SearchAttributeType.KEYWORD)
/** The customer's segment (`first-time`, `repeat`, `vip`) when the journey started. */
export const customerSegmentAttribute = defineSearchAttributeKey('CustomerSegment', SearchAttributeType.KEYWORD)
/** The journey's current stage, e.g. `waiting-for-fulfilment`. */
export const journeyStageAttribute = defineSearchAttributeKey('JourneyStage', SearchAttributeType.KEYWORD)
/** The pairing of the latest email. */
export const pairingIdAttribute = defineSearchAttributeKey('PairingId', SearchAttributeType.KEYWORD)
/** Emails this run has sent. */
export const emailsSentAttribute = defineSearchAttributeKey('EmailsSent', SearchAttributeType.INT)
/** When the journey's next timed step is due. */
export const nextActionAtAttribute = defineSearchAttributeKey('NextActionAt', SearchAttributeType.DATETIME)
/** How the journey ended (`converted`, `not-opened`, `nothing-to-recommend`, ...); set when it settles. */
export const journeyOutcomeAttribute = defineSearchAttributeKey('JourneyOutcome', SearchAttributeType.KEYWORD)
