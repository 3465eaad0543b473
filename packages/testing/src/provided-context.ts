// What the integration global setup hands every test file through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the shared cluster's `postgres` database, for creating test databases. */
    postgresAdminUrl: string
    /** Address of the shared Temporal dev server. */
    temporalAddress: string
  }
}

export {}
