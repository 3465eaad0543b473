export { journeyWorkflowId, sendKey } from './ids.ts'
export { currencySchema, moneySchema } from './money.ts'
export {
  emailSchema,
  lineItemSchema,
  normaliseEmail,
  orderCustomerSchema,
  orderSchema,
  orderTotal,
  platformIdSchema,
  type LineItem,
  type Order,
  type OrderInput,
} from './order.ts'
export { journeySearchAttributes, type SearchAttributeKind } from './journey-search-attributes.ts'
export {
  defaultJourneyPolicy,
  journeyPolicySchema,
  segmentSchema,
  sendWindowSchema,
  type JourneyPolicy,
  type JourneyPolicyInput,
  type Segment,
} from './journey-policy.ts'
