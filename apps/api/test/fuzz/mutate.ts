import { seededRandom } from '@crosswise/domain'
import { parseJsonKeepingBigInts } from '../../src/webhooks/shopify/json-big-ints.ts'
import type { Seed } from './corpus.ts'

/**
 * Values that broke or bent parsers before: NUL and lone surrogates, numbers past int32, 2^53 and
 * PostgreSQL's numeric, dates before 1970 and after 9999, prototype keys, email-shaped ids, long text.
 */
const nastyValues: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -8.64e15,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  'x'.repeat(100_027),
  '0000-01-01T00:00:00Z',
  '+010000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1969-12-31T23:59:59Z',
  '12345',
  '-1',
  '-5.00',
  '999999999999.9999',
  '1e400',
  'NaN',
  '__proto__',
  'constructor',
  'kim@example.com',
  'XYZ',
  'Mars/Olympus_Mons',
  "' or 1=1 --",
  {},
  [],
  [[]],
  JSON.parse('{"__proto__":{"polluted":true}}'),
]

/** Header values for the webhook route: prototype topics, impossible trigger times, malformed signatures. */
const nastyTopics = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'orders/create ', 'ORDERS/CREATE', 'orders/\u00e9']
const nastySignatures = ['not base64!', '====', 'YWJj', `${'A'.repeat(43)}=garbage`, '']
const nastyTriggeredAt = ['9999-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '-1', 'yesterday', '1970-01-01T00:00:00Z', '2100-01-02T00:00:00Z']

/**
 * A request ready to send. The fuzzer signs webhook bodies itself, so most mutants pass the signature
 * check and reach the parser; `headers` are put over the signed ones.
 */
export interface Mutant {
  seed: Seed
  /** What was changed, for the report of a failure. */
  change: string
  body: string
  headers: Record<string, string>
}

type Path = Array<string | number>

function paths(value: unknown, prefix: Path = []): Path[] {
  const found: Path[] = [prefix]
  if (Array.isArray(value)) value.forEach((item, index) => found.push(...paths(item, [...prefix, index])))
  else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) found.push(...paths(item, [...prefix, key]))
  return found
}

/** A copy of `root` with the value at `path` replaced by `next(current)`, or removed when `next` is undefined. */
function edit(root: unknown, path: Path, next?: (current: unknown) => unknown): unknown {
  if (path.length === 0) return next ? next(root) : null
  const [head, ...rest] = path
  const copy = (Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) }) as Record<string | number, unknown>
  if (rest.length === 0 && !next) {
    if (Array.isArray(copy)) copy.splice(head as number, 1)
    else delete copy[head!]
  } else copy[head!] = edit(copy[head!], rest, next)
  return copy
}

/** Mutants of the seeds, the same on every run for the same `seed` number. */
export function* mutants(seeds: readonly Seed[], count: number, seed: number): Generator<Mutant> {
  const random = seededRandom(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  for (let index = 0; index < count; index++) {
    const origin = pick(seeds)
    const text = typeof origin.body === 'string' ? origin.body : JSON.stringify(origin.body)
    // A webhook body is read as the API reads it, so its big ids become strings in every mutant.
    const value = origin.credential === 'webhook' ? parseJsonKeepingBigInts(text) : origin.body
    const headers: Record<string, string> = {}
    const roll = random()
    let body: string
    let change: string
    if (roll < 0.08) {
      // Bytes rather than values: a cut or flipped character makes most bodies invalid JSON.
      const at = Math.floor(random() * text.length)
      body = random() < 0.5 ? text.slice(0, at) : `${text.slice(0, at)}${pick(['"', '{', '\\', ']', '\u0000', 'é'])}${text.slice(at + 1)}`
      change = `raw edit at ${at}`
    } else {
      const path = pick(paths(value))
      const kind = random()
      let mutated: unknown
      if (kind < 0.2 && path.length > 0) {
        mutated = edit(value, path)
        change = `removed ${path.join('.')}`
      } else if (kind < 0.3) {
        const key = pick(['__proto__', 'constructor', 'prototype', 'fulfilment', 'fulfilmentStatus'])
        mutated = edit(value, path, (current) =>
          current && typeof current === 'object' && !Array.isArray(current)
            ? Object.fromEntries([[key, { x: 1 }], ...Object.entries(current)])
            : current,
        )
        change = `added ${key} at ${path.join('.')}`
      } else if (kind < 0.45) {
        mutated = edit(value, path, (current) =>
          typeof current === 'string'
            ? `${current}${pick(['\u0000', '\ud800', 'x'.repeat(5000), ' '])}`
            : typeof current === 'number'
              ? -current * 1e12
              : current,
        )
        change = `stretched ${path.join('.')}`
      } else {
        const nasty = pick(nastyValues)
        mutated = edit(value, path, () => nasty)
        change = `${path.join('.')} = ${JSON.stringify(nasty)?.slice(0, 40)}`
      }
      body = JSON.stringify(mutated) ?? 'null'
    }
    if (origin.credential === 'webhook' && random() < 0.2) {
      const header = pick(['x-shopify-topic', 'x-shopify-triggered-at', 'x-shopify-hmac-sha256'])
      headers[header] =
        header === 'x-shopify-topic'
          ? pick(nastyTopics)
          : header === 'x-shopify-triggered-at'
            ? pick(nastyTriggeredAt)
            : pick(nastySignatures)
      change += `; ${header}: ${headers[header]}`
    }
    yield { seed: origin, change, body, headers }
  }
}
