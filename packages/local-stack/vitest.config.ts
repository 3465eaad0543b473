import { defineConfig } from 'vitest/config'

// Plain config: @crosswise/testing depends on this package, so its presets cannot be used here.
export default defineConfig({ test: { include: ['src/**/*.test.ts'], pool: 'forks' } })
