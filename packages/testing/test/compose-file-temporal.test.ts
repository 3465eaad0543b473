// Temporal's services: the server on PostgreSQL, its schema and namespace jobs, and the UI.
import { journeySearchAttributes } from '@crosswise/domain'
import { describe, expect, it } from 'vitest'
import { commandText, dependenciesOf, environmentOf, imageTag, services } from './compose-file.ts'

describe('docker-compose.yml', () => {
  it('runs Temporal Server 1.32 on PostgreSQL with the matching admin tools and UI 2.54', () => {
    const server = services.temporal
    expect(server?.image).toMatch(/^temporalio\/server:1\.32\.\d+$/)
    expect(services['temporal-ui']?.image).toMatch(/^temporalio\/ui:2\.54\.\d+$/)
    for (const name of ['temporal-schema', 'temporal-namespace']) {
      expect(services[name]?.image).toBe(`temporalio/admin-tools:${imageTag(server?.image ?? '')}`)
    }
    const serverEnv = environmentOf(server ?? {})
    expect(serverEnv.DB).toBe('postgres12')
    expect(serverEnv.POSTGRES_SEEDS).toBe('postgres')
    expect(dependenciesOf(server ?? {})).toMatchObject({
      postgres: 'service_healthy',
      'temporal-schema': 'service_completed_successfully',
    })
    // The schema job migrates both databases the server reads.
    const schemaJob = commandText(services['temporal-schema'] ?? {})
    for (const db of [serverEnv.DBNAME, serverEnv.VISIBILITY_DBNAME]) {
      expect(schemaJob).toContain(`--db ${db} update-schema`)
    }
    expect(environmentOf(services['temporal-ui'] ?? {})).toMatchObject({ TEMPORAL_ADDRESS: 'temporal:7233' })
    // No login of its own: the UI listens on this machine only.
    expect(services['temporal-ui']?.ports).toEqual(['127.0.0.1:8233:8080'])
  })

  it("registers exactly the journey's search attributes, once Temporal is healthy", () => {
    const job = services['temporal-namespace'] ?? {}
    expect(dependenciesOf(job)).toEqual({ temporal: 'service_healthy' })
    const script = commandText(job)
    expect(script).toContain('temporal operator search-attribute create')
    const registered = [...script.matchAll(/--name\s+(\w+)\s+--type\s+(\w+)/g)].map(([, name, type]) => ({ name, type }))
    const byName = (a: { name?: string }, b: { name?: string }) => (a.name ?? '').localeCompare(b.name ?? '')
    expect(registered.sort(byName)).toEqual(journeySearchAttributes.map(({ name, type }) => ({ name, type })).sort(byName))
  })
})
