import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { type FilterCondition, FilterSyntaxError, parseFilter } from './filter.ts'

// ajv-formats is CommonJS with a default export; under NodeNext its namespace object carries it.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default

interface Parameter {
  name: string
  in: 'query' | 'header' | 'path'
  required?: boolean
  schema?: { type?: string; enum?: string[]; items?: { enum?: string[] }; minimum?: number; maximum?: number }
}

interface FilterRule {
  operators: Partial<Record<'single' | 'list' | 'none', string[]>>
  value?: { type?: string; format?: string }
}

interface OperationObject {
  operationId: string
  parameters?: Parameter[]
  requestBody?: { content: Record<string, { schema: unknown }> }
  responses: Record<string, { content?: Record<string, { schema: unknown }> } | { $ref: string }>
  'x-klaviyo-filters'?: Record<string, FilterRule>
  'x-klaviyo-ratelimit'?: { burst: string; steady: string }
}

/** One operation of the trimmed spec as the fake serves it. */
export interface SpecOperation {
  operationId: string
  method: string
  pathTemplate: string
  /** Published limits of the endpoint (`x-klaviyo-ratelimit`), per second and per minute. */
  rateLimit: { burstPerSecond: number; steadyPerMinute: number }
  match(path: string): Record<string, string> | undefined
  /** Problems with the body as Klaviyo's JSON:API `source.pointer`s and messages; empty when valid. */
  checkBody(body: unknown): SpecProblem[]
  /** Problems with the query string; the parsed filter when it is valid. */
  checkQuery(query: URLSearchParams): { problems: SpecProblem[]; filter: FilterCondition[] }
  /** Problems with a JSON answer the fake is about to send (a bug in the fake, never the client's). */
  checkResponse(status: number, body: unknown): SpecProblem[]
}

/** A deviation from the spec, shaped like a JSON:API error source. */
export interface SpecProblem {
  pointer?: string
  parameter?: string
  detail: string
}

/** The operations of the trimmed Klaviyo spec with validators compiled once. */
export interface KlaviyoSpec {
  revision: string
  operations: SpecOperation[]
  find(method: string, path: string): { operation: SpecOperation; params: Record<string, string> } | undefined
}

const specUrl = new URL('./openapi-trimmed.json', import.meta.url)
const jsonApi = 'application/vnd.api+json'

/** Loads `openapi-trimmed.json` and compiles request and response validators for every operation. */
export function loadKlaviyoSpec(): KlaviyoSpec {
  const document = JSON.parse(readFileSync(specUrl, 'utf8')) as {
    info: { version: string }
    paths: Record<string, Record<string, OperationObject>>
  }
  // strict: false because the spec carries vendor keywords (x-klaviyo-*) Ajv does not know.
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  ajv.addSchema(withNullableRefs(document) as object, 'klaviyo')
  const pointer = (path: string[]): string => `klaviyo#/${path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
  const compile = (ref: string): ValidateFunction => ajv.compile({ $ref: ref })

  const operations: SpecOperation[] = []
  for (const [pathTemplate, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const base = ['paths', pathTemplate, method]
      // Compiled on first use: a fake that never sees create_flow never pays for its large schema.
      const lazy = (path: string[]): (() => ValidateFunction) => {
        let validator: ValidateFunction | undefined
        return () => (validator ??= compile(pointer([...base, ...path])))
      }
      const bodyValidator = op.requestBody?.content[jsonApi] ? lazy(['requestBody', 'content', jsonApi, 'schema']) : undefined
      const responseValidators = new Map<string, () => ValidateFunction>()
      for (const [status, response] of Object.entries(op.responses)) {
        if ('content' in response && response.content?.[jsonApi]) {
          responseValidators.set(status, lazy(['responses', status, 'content', jsonApi, 'schema']))
        }
      }
      const names = [...pathTemplate.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')
      const regex = new RegExp(`^${pathTemplate.replace(/\{\w+\}/g, '([^/]+)')}/?$`)
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        pathTemplate,
        rateLimit: parseRateLimit(op['x-klaviyo-ratelimit']),
        match(path) {
          const found = regex.exec(path)
          if (!found) return undefined
          return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]))
        },
        checkBody(body) {
          if (!bodyValidator) return []
          const validate = bodyValidator()
          return validate(body) ? [] : toProblems(validate)
        },
        checkQuery: (query) => checkQuery(op, query),
        checkResponse(status, body) {
          const validator = responseValidators.get(String(status))
          if (!validator) return [{ detail: `status ${status} is not a documented success of ${op.operationId}` }]
          const validate = validator()
          return validate(body) ? [] : toProblems(validate)
        },
      })
    }
  }
  return {
    revision: document.info.version,
    operations,
    find(method, path) {
      for (const operation of operations) {
        if (operation.method !== method) continue
        const params = operation.match(path)
        if (params) return { operation, params }
      }
      return undefined
    },
  }
}

/**
 * OpenAPI 3.0 lets Klaviyo write `nullable: true` beside a `$ref` or `oneOf` without a `type`, which Ajv
 * refuses; the same meaning in JSON Schema is "that schema, or null".
 */
function withNullableRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNullableRefs)
  if (typeof node !== 'object' || node === null) return node
  const entries = Object.entries(node).map(([key, value]) => [key, withNullableRefs(value)] as const)
  const object: Record<string, unknown> = Object.fromEntries(entries)
  if (object.nullable === true && object.type === undefined) {
    const { nullable: _nullable, ...rest } = object
    return { anyOf: [rest, { type: 'null' }] }
  }
  return object
}

function toProblems(validator: ValidateFunction): SpecProblem[] {
  return (validator.errors ?? []).map((error) => ({
    pointer: error.instancePath || '/',
    detail: `${error.instancePath || 'body'} ${error.message ?? 'is invalid'}`,
  }))
}

function parseRateLimit(limit: OperationObject['x-klaviyo-ratelimit']): SpecOperation['rateLimit'] {
  const burst = Number.parseInt(limit?.burst ?? '', 10)
  const steady = Number.parseInt(limit?.steady ?? '', 10)
  return { burstPerSecond: Number.isFinite(burst) ? burst : 1, steadyPerMinute: Number.isFinite(steady) ? steady : 15 }
}

function checkQuery(op: OperationObject, query: URLSearchParams): ReturnType<SpecOperation['checkQuery']> {
  const problems: SpecProblem[] = []
  const declared = new Map((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]))
  let filter: FilterCondition[] = []
  for (const [name, raw] of query) {
    const parameter = declared.get(name)
    if (!parameter) {
      problems.push({ parameter: name, detail: `'${name}' is not a valid query parameter` })
      continue
    }
    const schema = parameter.schema ?? {}
    const allowed = schema.items?.enum ?? schema.enum
    if (allowed) {
      // Array parameters are `explode: false`: one comma-separated value.
      const values = schema.type === 'array' ? raw.split(',') : [raw]
      for (const value of values) {
        if (!allowed.includes(value)) problems.push({ parameter: name, detail: `'${value}' is not a valid value for '${name}'` })
      }
    }
    if (schema.type === 'integer') {
      const number = Number(raw)
      const tooLow = schema.minimum !== undefined && number < schema.minimum
      const tooHigh = schema.maximum !== undefined && number > schema.maximum
      if (!Number.isInteger(number) || tooLow || tooHigh) {
        problems.push({ parameter: name, detail: `'${name}' must be an integer in [${schema.minimum}, ${schema.maximum}]` })
      }
    }
    if (name === 'filter') {
      try {
        filter = parseFilter(raw)
        problems.push(...checkFilter(filter, op['x-klaviyo-filters'] ?? {}))
      } catch (error) {
        if (!(error instanceof FilterSyntaxError)) throw error
        problems.push({ parameter: 'filter', detail: error.message })
      }
    }
  }
  return { problems, filter }
}

function checkFilter(conditions: FilterCondition[], rules: Record<string, FilterRule>): SpecProblem[] {
  const problems: SpecProblem[] = []
  for (const { field, operator, value } of conditions) {
    const rule = rules[field]
    const arity = value === undefined ? 'none' : Array.isArray(value) ? 'list' : 'single'
    if (!rule) {
      problems.push({ parameter: 'filter', detail: `'${field}' is not a valid field for the resource` })
    } else if (!(rule.operators[arity] ?? []).includes(operator)) {
      problems.push({ parameter: 'filter', detail: `'${operator}' is not a valid operator for '${field}' with a ${arity} value` })
    } else if (value !== undefined) {
      const values = Array.isArray(value) ? value : [value]
      const ok = values.every((v) => {
        if (rule.value?.format === 'date-time') return v instanceof Date
        if (rule.value?.type === 'number') return typeof v === 'number'
        if (rule.value?.type === 'string') return typeof v === 'string'
        return true
      })
      if (!ok)
        problems.push({ parameter: 'filter', detail: `invalid value for '${field}': expected ${rule.value?.format ?? rule.value?.type}` })
    }
  }
  return problems
}
