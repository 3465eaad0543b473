/**
 * Produces `openapi-trimmed.json` beside this file from Klaviyo's published OpenAPI description: only
 * the operations Crosswise calls, the components they reference, and none of the prose, so the fixture
 * stays small enough to commit and review.
 *
 *   pnpm --filter @crosswise/testing exec tsx src/fake-klaviyo/trim-spec.ts <path to openapi-stable.json>
 *
 * The source is Klaviyo's own spec (the `openapi-stable.json` of its public `openapi` repository, at the
 * API revision the SDK uses); the trimmed result is what the fake reads, so nothing outside this
 * repository is needed to run it.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The operations the fake serves, by Klaviyo's `operationId`. */
export const keptOperations = [
  'create_event',
  'get_events',
  'create_or_update_profile',
  'get_profiles',
  'get_metrics',
  'get_ids_for_flows_triggered_by_metric',
  'bulk_subscribe_profiles',
  'bulk_create_catalog_items',
  'get_bulk_create_catalog_items_job',
  'create_template',
  'create_flow',
] as const

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

// Prose and samples only: dropping them shrinks the file without changing what validates.
const proseKeys = new Set(['description', 'summary', 'example', 'examples', 'externalDocs'])

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stripProse(value: Json, isFieldMap = false): Json {
  if (Array.isArray(value)) return value.map((item) => stripProse(item))
  if (!isObject(value)) return value
  const out: JsonObject = {}
  for (const [key, child] of Object.entries(value)) {
    // In a schema's `properties` map the keys are field names (a field may be called `description`).
    if (!isFieldMap && proseKeys.has(key)) continue
    out[key] = stripProse(child, !isFieldMap && key === 'properties')
  }
  return out
}

function collectRefs(value: Json, refs: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => collectRefs(item, refs))
  else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') refs.add(child)
      else collectRefs(child, refs)
    }
  }
}

function resolvePointer(spec: JsonObject, ref: string): Json | undefined {
  let node: Json | undefined = spec
  for (const part of ref.replace(/^#\//, '').split('/')) node = isObject(node) ? node[part] : undefined
  return node
}

/** Returns the trimmed document: kept operations plus the transitive closure of their `$ref`s. */
export function trimSpec(spec: JsonObject, operationIds: readonly string[] = keptOperations): JsonObject {
  const wanted = new Set(operationIds)
  const paths: JsonObject = {}
  const paths0 = isObject(spec.paths) ? spec.paths : {}
  for (const [path, item] of Object.entries(paths0)) {
    if (!isObject(item)) continue
    const kept: JsonObject = {}
    for (const [method, operation] of Object.entries(item)) {
      if (isObject(operation) && typeof operation.operationId === 'string' && wanted.has(operation.operationId)) {
        kept[method] = operation
        wanted.delete(operation.operationId)
      }
    }
    if (Object.keys(kept).length > 0) paths[path] = kept
  }
  if (wanted.size > 0) throw new Error(`operations not in the spec: ${[...wanted].join(', ')}`)

  const components: Record<string, JsonObject> = {}
  const seen = new Set<string>()
  const queue = new Set<string>()
  collectRefs(paths, queue)
  while (queue.size > 0) {
    const [ref] = queue
    if (ref === undefined) break
    queue.delete(ref)
    if (seen.has(ref)) continue
    seen.add(ref)
    const target = resolvePointer(spec, ref)
    if (target === undefined) throw new Error(`dangling $ref ${ref}`)
    const [, , section, name] = ref.split('/')
    if (section === undefined || name === undefined) throw new Error(`unexpected $ref ${ref}`)
    ;(components[section] ??= {})[name] = target
    const nested = new Set<string>()
    collectRefs(target, nested)
    nested.forEach((child) => queue.add(child))
  }

  const info = isObject(spec.info) ? spec.info : {}
  return stripProse({
    openapi: spec.openapi ?? '3.0.2',
    info: { title: info.title ?? 'Klaviyo API', version: info.version ?? '', termsOfService: info.termsOfService ?? '' },
    'x-crosswise-source':
      'Trimmed by packages/testing/src/fake-klaviyo/trim-spec.ts from Klaviyo openapi/stable.json ' +
      '(klaviyo/openapi, commit f0a30ba41254904dc410d84ca497df68f8872276), revision ' +
      String(info.version ?? ''),
    paths,
    components,
  }) as JsonObject
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = process.argv[2]
  if (!source) {
    console.error('usage: trim-spec.ts <path to openapi-stable.json>')
    process.exit(2)
  }
  const spec = JSON.parse(readFileSync(source, 'utf8')) as JsonObject
  const target = new URL('./openapi-trimmed.json', import.meta.url)
  writeFileSync(target, layout(trimSpec(spec)))
  console.log(`wrote ${fileURLToPath(target)}`)
}

/** One path or component per line: compact, yet a diff still shows which schema changed. */
function layout(document: JsonObject): string {
  const section = (entries: JsonObject, indent: string): string =>
    `{\n${Object.entries(entries)
      .map(([key, value]) => `${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}`)
      .join(',\n')}\n${indent.slice(2)}}`
  const components = document.components as Record<string, JsonObject>
  const head = Object.entries(document)
    .filter(([key]) => key !== 'paths' && key !== 'components')
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`)
  const componentText = Object.entries(components).map(([name, entries]) => `    ${JSON.stringify(name)}: ${section(entries, '      ')}`)
  return `{\n${[...head, `  "paths": ${section(document.paths as JsonObject, '    ')}`, `  "components": {\n${componentText.join(',\n')}\n  }`].join(',\n')}\n}\n`
}
