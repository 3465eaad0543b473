/** A GraphQL argument or variable value as written in a query. */
export type GraphqlValue =
  string | number | boolean | null | { variable: string } | { enum: string } | GraphqlValue[] | { [key: string]: GraphqlValue }

/** One field of a selection set: its response key, name, arguments and sub-selection. */
export interface FieldSelection {
  key: string
  name: string
  args: Record<string, GraphqlValue>
  selections: FieldSelection[]
}

/** A parsed operation: queries only (the fake serves no mutations). */
export interface ParsedOperation {
  kind: 'query' | 'mutation' | 'subscription'
  name?: string
  selections: FieldSelection[]
}

/** Thrown for a document the fake cannot parse; answered as a GraphQL syntax error. */
export class GraphqlSyntaxError extends Error {
  override name = 'GraphqlSyntaxError'
}

const tokenPattern = /\s+|,|#[^\n]*|(\.\.\.|[{}():!$[\]=@]|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[_A-Za-z][_0-9A-Za-z]*)/gy

function tokenize(document: string): string[] {
  const tokens: string[] = []
  tokenPattern.lastIndex = 0
  while (tokenPattern.lastIndex < document.length) {
    const at = tokenPattern.lastIndex
    const match = tokenPattern.exec(document)
    if (!match) throw new GraphqlSyntaxError(`Unexpected character at ${at}: ${document.slice(at, at + 10)}`)
    if (match[1] !== undefined) tokens.push(match[1])
  }
  return tokens
}

/**
 * Parses the operation of a GraphQL document: enough of the language for the queries clients send to
 * Shopify's Admin API (variables, arguments, aliases, nested selections); fragments and directives are
 * refused rather than misread.
 */
export function parseOperation(document: string): ParsedOperation {
  const tokens = tokenize(document)
  let at = 0
  const peek = (): string | undefined => tokens[at]
  const next = (): string => {
    const token = tokens[at++]
    if (token === undefined) throw new GraphqlSyntaxError('Unexpected end of document')
    return token
  }
  const expect = (token: string): void => {
    const found = next()
    if (found !== token) throw new GraphqlSyntaxError(`Expected "${token}", found "${found}"`)
  }
  const isName = (token: string | undefined): token is string => token !== undefined && /^[_A-Za-z]/.test(token)

  const value = (): GraphqlValue => {
    const token = next()
    if (token === '$') return { variable: next() }
    if (token === '[') {
      const items: GraphqlValue[] = []
      while (peek() !== ']') items.push(value())
      next()
      return items
    }
    if (token === '{') {
      const fields: Record<string, GraphqlValue> = {}
      while (peek() !== '}') {
        const key = next()
        expect(':')
        fields[key] = value()
      }
      next()
      return fields
    }
    if (token.startsWith('"')) return JSON.parse(token) as string
    if (/^-?\d/.test(token)) return Number(token)
    if (token === 'true' || token === 'false') return token === 'true'
    if (token === 'null') return null
    if (isName(token)) return { enum: token }
    throw new GraphqlSyntaxError(`Unexpected "${token}" where a value belongs`)
  }

  const selectionSet = (): FieldSelection[] => {
    expect('{')
    const selections: FieldSelection[] = []
    while (peek() !== '}') {
      const first = next()
      if (first === '...' || first === '@') throw new GraphqlSyntaxError('Fragments and directives are not served by the fake')
      if (!isName(first)) throw new GraphqlSyntaxError(`Unexpected "${first}" in a selection set`)
      let name = first
      const key = first
      if (peek() === ':') {
        next()
        name = next()
      }
      const args: Record<string, GraphqlValue> = {}
      if (peek() === '(') {
        next()
        while (peek() !== ')') {
          const arg = next()
          expect(':')
          args[arg] = value()
        }
        next()
      }
      selections.push({ key, name, args, selections: peek() === '{' ? selectionSet() : [] })
    }
    next()
    return selections
  }

  if (peek() === '{') return { kind: 'query', selections: selectionSet() }
  const kind = next()
  if (kind !== 'query' && kind !== 'mutation' && kind !== 'subscription') throw new GraphqlSyntaxError(`Unexpected "${kind}" at the start`)
  const name = isName(peek()) ? next() : undefined
  if (peek() === '(') {
    // Variable definitions: their types are the client's business; values come with the request.
    let depth = 0
    do {
      const token = next()
      if (token === '(') depth++
      if (token === ')') depth--
    } while (depth > 0)
  }
  const selections = selectionSet()
  if (at !== tokens.length) throw new GraphqlSyntaxError('Only one operation per document is served by the fake')
  return { kind, ...(name ? { name } : {}), selections }
}

/** An argument's value with variables substituted. */
export function resolveValue(value: GraphqlValue | undefined, variables: Record<string, unknown>): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, variables))
  if ('variable' in value && typeof value.variable === 'string') return variables[value.variable] ?? null
  if ('enum' in value && typeof value.enum === 'string') return value.enum
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveValue(item, variables)]))
}
