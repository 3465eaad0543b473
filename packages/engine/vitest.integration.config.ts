import { integrationConfig } from '@crosswise/testing/vitest'

export default integrationConfig()
