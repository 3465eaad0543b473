// The configuration the Crosswise services get is the configuration packages/config reads.
import { configSchema } from '@crosswise/config'
import { describe, expect, it } from 'vitest'
import { environmentOf, rawCompose, services } from './compose-file.ts'

const configKeys = new Set(Object.keys(configSchema.shape))

describe('docker-compose.yml', () => {
  it('gives Crosswise services only variables packages/config knows, with values it accepts', () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const env = environmentOf(services[name] ?? {})
      expect(
        Object.keys(env).filter((key) => !configKeys.has(key)),
        `${name}: unknown variables`,
      ).toEqual([])
      const parsed = configSchema.safeParse(env)
      expect(parsed.error?.issues ?? [], `${name}: values rejected by configSchema`).toEqual([])
    }
    const worker = environmentOf(services.worker ?? {})
    const api = environmentOf(services.api ?? {})
    expect(Object.keys(worker)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'CROSSWISE_WORKFLOW_BUNDLE', 'KLAVIYO_API_KEY']),
    )
    expect(api.CROSSWISE_API_HOST).toBe('0.0.0.0')
    // The KLAVIYO_API_KEY passes through from the host's environment.
    expect(JSON.stringify(rawCompose)).toContain('"KLAVIYO_API_KEY":"${KLAVIYO_API_KEY:-}"')
    // The payload key passes through to both: the API seals stores' Klaviyo keys, the worker opens them.
    const raw = rawCompose as { services: Record<string, { environment: Record<string, string> }> }
    for (const name of ['api', 'worker']) {
      expect(raw.services[name]?.environment.CROSSWISE_PAYLOAD_KEY, name).toBe('${CROSSWISE_PAYLOAD_KEY:-}')
    }
    expect(raw.services.api?.environment.CROSSWISE_ADMIN_TOKEN).toBe('${CROSSWISE_ADMIN_TOKEN:-}')

    // Addresses name this file's services and the database PostgreSQL creates.
    const postgresEnv = environmentOf(services.postgres ?? {})
    for (const name of ['migrate', 'api', 'worker']) {
      const url = new URL(environmentOf(services[name] ?? {}).DATABASE_URL ?? '')
      expect(url.hostname).toBe('postgres')
      expect(url.username).toBe(postgresEnv.POSTGRES_USER)
      expect(decodeURIComponent(url.password)).toBe(postgresEnv.POSTGRES_PASSWORD)
      expect(url.pathname).toBe(`/${postgresEnv.POSTGRES_DB}`)
    }
    expect(worker.TEMPORAL_ADDRESS).toBe('temporal:7233')
    expect(worker.TEMPORAL_NAMESPACE).toBe(environmentOf(services['temporal-namespace'] ?? {}).TEMPORAL_NAMESPACE)
  })
})
