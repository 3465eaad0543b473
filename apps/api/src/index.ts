export { buildServer, type ServerOptions } from './server.ts'
export { problemSchema, type Problem } from './errors.ts'
export type { JourneyCountsView } from './routes/journeys/journey-counts.ts'
export type { SessionScope } from './auth/session.ts'
