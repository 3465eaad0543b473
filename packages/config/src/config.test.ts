import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, requireProductionSecrets } from './config.ts'

describe('loadConfig', () => {
  it('fills defaults for an empty environment', () => {
    const config = loadConfig({})
    expect(config.CROSSWISE_API_PORT).toBe(3000)
    expect(config.CROSSWISE_TEMPORAL_UI_PORT).toBe(8233)
    expect(config.DATABASE_URL).toBeUndefined()
    expect(config.dataDir.endsWith('.data')).toBe(true)
  })

  it('refuses to run in production without a payload key, and runs anywhere else', () => {
    expect(() => requireProductionSecrets(loadConfig({ NODE_ENV: 'production' }))).toThrow(
      /CROSSWISE_PAYLOAD_KEY is required in production/,
    )
    expect(() => requireProductionSecrets(loadConfig({ NODE_ENV: 'production', CROSSWISE_PAYLOAD_KEY: 'a'.repeat(44) }))).not.toThrow()
    expect(() => requireProductionSecrets(loadConfig({}))).not.toThrow()
  })

  it('treats blank strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '  ', TEMPORAL_ADDRESS: '' }).TEMPORAL_ADDRESS).toBeUndefined()
  })

  it('refreshes mined pairings nightly at 03:00 UTC unless told otherwise', () => {
    expect(loadConfig({}).CROSSWISE_PAIRING_REFRESH_CRON).toBe('0 3 * * *')
    expect(loadConfig({ CROSSWISE_PAIRING_REFRESH_CRON: ' 30 1 * * 1-5 ' }).CROSSWISE_PAIRING_REFRESH_CRON).toBe('30 1 * * 1-5')
    expect(loadConfig({ CROSSWISE_PAIRING_REFRESH_CRON: '@every 6h' }).CROSSWISE_PAIRING_REFRESH_CRON).toBe('@every 6h')
    expect(() => loadConfig({ CROSSWISE_PAIRING_REFRESH_CRON: 'nightly' })).toThrow(/CROSSWISE_PAIRING_REFRESH_CRON/)
    expect(() => loadConfig({ CROSSWISE_PAIRING_REFRESH_CRON: '0 3 * *' })).toThrow(ConfigError)
  })

  it('reviews pairings monthly unless told otherwise', () => {
    expect(loadConfig({}).CROSSWISE_PAIRING_REVIEW_CRON).toBe('0 4 1 * *')
    expect(loadConfig({ CROSSWISE_PAIRING_REVIEW_CRON: '0 4 * * 1' }).CROSSWISE_PAIRING_REVIEW_CRON).toBe('0 4 * * 1')
    expect(() => loadConfig({ CROSSWISE_PAIRING_REVIEW_CRON: 'monthly' })).toThrow(/CROSSWISE_PAIRING_REVIEW_CRON/)
  })

  it('syncs Shopify catalogues every six hours unless told otherwise', () => {
    expect(loadConfig({}).CROSSWISE_CATALOGUE_SYNC_CRON).toBe('0 */6 * * *')
    expect(loadConfig({ CROSSWISE_CATALOGUE_SYNC_CRON: '@every 1h' }).CROSSWISE_CATALOGUE_SYNC_CRON).toBe('@every 1h')
    expect(() => loadConfig({ CROSSWISE_CATALOGUE_SYNC_CRON: 'often' })).toThrow(/CROSSWISE_CATALOGUE_SYNC_CRON/)
    expect(() => loadConfig({ SHOPIFY_ADMIN_URL: 'not a url' })).toThrow(/SHOPIFY_ADMIN_URL/)
  })

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ CROSSWISE_API_PORT: 'eighty' })).toThrow(ConfigError)
    expect(() => loadConfig({ CROSSWISE_API_PORT: '70000' })).toThrow(/CROSSWISE_API_PORT/)
  })
})
