// The apps' Dockerfiles, and what they must agree on with docker-compose.yml.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { environmentOf, isPinned, root, services } from './compose-file.ts'

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
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
    for (const entry of ['node_modules', '**/node_modules', '.data', '.tools', '.turbo', 'dist', '**/dist', '.git']) {
      expect(ignored).toContain(entry)
    }
  })
})
