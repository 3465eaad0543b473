import { fileURLToPath } from 'node:url'
import { defineConfig, type ViteUserConfig } from 'vitest/config'

const globalSetup = fileURLToPath(new URL('./global-setup.ts', import.meta.url))
const quietTemporal = fileURLToPath(new URL('./quiet-temporal.ts', import.meta.url))

/** Unit tests: pure code, beside its file in `src/`, no servers. */
export function unitConfig(): ViteUserConfig {
  return defineConfig({
    test: { include: ['src/**/*.test.ts'], pool: 'forks' },
  })
}

/**
 * Integration tests in `test/`: one embedded PostgreSQL and one Temporal dev server for the whole
 * run (started by the global setup), a fresh database per file, forked workers.
 */
export function integrationConfig(overrides: { testTimeout?: number } = {}): ViteUserConfig {
  return defineConfig({
    test: {
      include: ['test/**/*.test.ts'],
      globalSetup: [globalSetup],
      setupFiles: [quietTemporal],
      pool: 'forks',
      maxWorkers: 2,
      testTimeout: overrides.testTimeout ?? 60_000,
      hookTimeout: 120_000,
      teardownTimeout: 60_000,
    },
  })
}
