// Which services Crosswise builds from this repository, and that every other image is pinned.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtFromRepo, isPinned, root, services } from './compose-file.ts'

describe('docker-compose.yml', () => {
  it('builds Crosswise from Dockerfiles that exist and pins every other image (never latest)', () => {
    const built = Object.entries(services)
      .filter(([, service]) => service.build !== undefined)
      .map(([name]) => name)
    expect(built.sort()).toEqual(['api', 'migrate', 'worker'])
    for (const [name, service] of Object.entries(services)) {
      const build = builtFromRepo(service)
      if (build) {
        expect(existsSync(build.dockerfile), `${name}: ${build.dockerfile}`).toBe(true)
      } else {
        expect(service.image, `${name} has neither build nor image`).toBeDefined()
        expect(isPinned(service.image ?? ''), `${name}: ${service.image}`).toBe(true)
      }
    }
    expect(builtFromRepo(services.worker ?? {})?.dockerfile).toBe(join(root, 'apps/worker/Dockerfile'))
    expect(builtFromRepo(services.api ?? {})?.dockerfile).toBe(join(root, 'apps/api/Dockerfile'))
  })
})
