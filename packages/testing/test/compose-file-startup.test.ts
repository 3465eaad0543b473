// The order the stack comes up in: dependencies, their conditions, and the migration job.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtFromRepo, dependenciesOf, root, services } from './compose-file.ts'

describe('docker-compose.yml', () => {
  it('starts the worker on healthy PostgreSQL and Temporal, and the API on healthy PostgreSQL', () => {
    expect(dependenciesOf(services.worker ?? {})).toEqual({
      postgres: 'service_healthy',
      temporal: 'service_healthy',
      'temporal-namespace': 'service_completed_successfully',
      migrate: 'service_completed_successfully',
    })
    // The API records orders in PostgreSQL and never waits on Temporal: an outage must not stop it.
    expect(dependenciesOf(services.api ?? {})).toEqual({
      postgres: 'service_healthy',
      migrate: 'service_completed_successfully',
    })
    for (const [name, service] of Object.entries(services)) {
      for (const [target, condition] of Object.entries(dependenciesOf(service))) {
        expect(services[target], `${name} depends on an unknown service ${target}`).toBeDefined()
        if (condition === 'service_healthy') {
          expect(services[target]?.healthcheck?.test, `${target} needs a healthcheck for ${name}`).toBeDefined()
        }
        if (condition === 'service_completed_successfully') {
          expect(services[target]?.restart, `${target} is a one-shot job`).toBe('no')
        }
      }
    }
  })

  it('migrates with the API image before the API and the worker start', () => {
    const migrate = services.migrate ?? {}
    expect(builtFromRepo(migrate)).toEqual(builtFromRepo(services.api ?? {}))
    expect(migrate.command).toEqual(['node', '--import', 'tsx', 'apps/api/src/migrate.ts'])
    expect(existsSync(join(root, 'apps/api/src/migrate.ts'))).toBe(true)
    expect(readFileSync(join(root, 'apps/api/src/migrate.ts'), 'utf8')).toContain('migrateToLatest')
  })
})
