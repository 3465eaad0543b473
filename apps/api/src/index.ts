export { buildServer, type ServerOptions } from './server.ts'
export { problemSchema, type Problem } from './errors.ts'
