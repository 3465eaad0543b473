import { defineConfig } from 'vitest/config'

// Unit tests beside their files and integration tests against the in-process fake Klaviyo: neither
// needs PostgreSQL or Temporal, so no global setup.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
  },
})
