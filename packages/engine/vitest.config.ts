import { unitConfig } from '@crosswise/testing/vitest'

export default unitConfig()
