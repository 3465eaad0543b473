export { createTestDatabase } from './postgres.ts'
export { createTimeSkippingEnvironment, temporalAddress, uniqueId } from './temporal.ts'
export { startFakeKlaviyo, type FakeKlaviyo, type FakeKlaviyoOptions, type RecordedRequest } from './fake-klaviyo/server.ts'
