import { unitConfig } from './src/vitest-preset.ts'

export default unitConfig()
