import { defineConfig } from 'vitest/config'

// Unit tests beside their files and tests against the in-process fake Shopify: neither needs
// PostgreSQL or Temporal, so no global setup.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
  },
})
