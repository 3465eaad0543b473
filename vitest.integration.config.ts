import { readdirSync, existsSync } from 'node:fs'
import { integrationConfig } from '@crosswise/testing/vitest'
import { defineConfig, mergeConfig } from 'vitest/config'

// One integration run over every package that has integration tests, so the global setup starts
// ONE PostgreSQL and ONE Temporal dev server for all of them. The fuzz test runs after it, alone
// (vitest.fuzz.config.ts): it times /health, which other files running beside it would slow.
const packages = ['apps', 'packages'].flatMap((group) =>
  readdirSync(group)
    .map((name) => `${group}/${name}`)
    .filter((dir) => existsSync(`${dir}/vitest.integration.config.ts`)),
)

export default mergeConfig(
  integrationConfig(),
  defineConfig({
    test: {
      include: [],
      projects: packages.map((dir) => ({
        extends: true,
        test: { name: dir, root: dir, include: ['test/**/*.test.ts'], exclude: ['test/fuzz/**'] },
      })),
    },
  }),
)
