import { defineConfig } from 'vitest/config'

// Unit tests beside their files and integration tests against the in-process fake Klaviyo: neither
// needs PostgreSQL or Temporal, so no global setup.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    // The fake compiles spec validators on first use; under a parallel CI run that can take a while.
    hookTimeout: 60_000,
  },
})
