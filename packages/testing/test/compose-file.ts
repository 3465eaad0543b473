// Shared by the compose-file-*.test.ts files: the production-like deployment (docker-compose.yml,
// the apps' Dockerfiles) checked without a Docker engine. Parsed once here so every file checks the
// same interpolated view of the file Compose would run.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { workspaceRoot } from '@crosswise/config'
import { parse } from 'yaml'

type Environment = string[] | Record<string, string | number | boolean | null>

export interface Service {
  image?: string
  build?: string | { context?: string; dockerfile?: string }
  command?: string | string[]
  depends_on?: string[] | Record<string, { condition: string }>
  environment?: Environment
  healthcheck?: { test?: string | string[]; disable?: boolean }
  ports?: Array<string | number | Record<string, unknown>>
  restart?: string
}

export interface ComposeFile {
  services: Record<string, Service>
  volumes?: Record<string, unknown>
}

export const root = workspaceRoot(fileURLToPath(new URL('.', import.meta.url)))
export const composePath = join(root, 'docker-compose.yml')
export const rawCompose: unknown = parse(readFileSync(composePath, 'utf8'))
export const compose = interpolate(rawCompose) as ComposeFile
export const services = compose.services

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

export function environmentOf(service: Service): Record<string, string> {
  const environment = service.environment ?? {}
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const [key = '', ...rest] = entry.split('=')
        return [key, rest.join('=')]
      }),
    )
  }
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, value === null ? '' : String(value)]))
}

export function dependenciesOf(service: Service): Record<string, string> {
  const dependsOn = service.depends_on ?? {}
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']))
  return Object.fromEntries(Object.entries(dependsOn).map(([name, { condition }]) => [name, condition]))
}

export function commandText(service: Service): string {
  return Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? '')
}

export function builtFromRepo(service: Service): { context: string; dockerfile: string } | undefined {
  if (service.build === undefined) return undefined
  const build = typeof service.build === 'string' ? { context: service.build } : service.build
  const context = resolve(root, build.context ?? '.')
  return { context, dockerfile: resolve(context, build.dockerfile ?? 'Dockerfile') }
}

/** `name:tag` of an image reference (a registry port is not a tag). */
export function imageTag(image: string): string | undefined {
  const lastPart = image.split('/').pop() ?? ''
  return lastPart.includes(':') ? lastPart.split(':').pop() : undefined
}

export function isPinned(image: string): boolean {
  const tag = imageTag(image)
  return tag !== undefined && tag !== 'latest' && /\d/.test(tag)
}
