export { createTestDatabase } from './postgres.ts'
export { createTimeSkippingEnvironment, temporalAddress, uniqueId } from './temporal.ts'
