import { integrationConfig } from '@crosswise/testing/vitest'
import { defineConfig, mergeConfig } from 'vitest/config'

// The API's fuzz test on its own, after the other integration tests: it asserts that /health stays
// fast while thousands of malformed requests arrive, which only means something on an otherwise idle machine.
export default mergeConfig(integrationConfig(), defineConfig({ test: { include: ['apps/api/test/fuzz/**/*.test.ts'] } }))
