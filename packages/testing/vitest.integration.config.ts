import { integrationConfig } from './src/vitest-preset.ts'

export default integrationConfig()
