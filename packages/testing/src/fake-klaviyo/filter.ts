/** A scalar in a Klaviyo filter: quoted strings stay strings, unquoted date-times become `Date`. */
export type FilterValue = string | number | boolean | Date | null | FilterValue[]

/** One condition of a Klaviyo `filter` query parameter, e.g. `equals(email,"a@b.c")`. */
export interface FilterCondition {
  operator: string
  field: string
  /** `undefined` for operators without a value (`has(profile)`). */
  value?: FilterValue
}

/** Thrown for a filter string that Klaviyo would reject; the message becomes the 400's detail. */
export class FilterSyntaxError extends Error {
  override name = 'FilterSyntaxError'
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * Parses Klaviyo's filter syntax: conditions `op(field,value)` joined by commas or wrapped in
 * `and(...)`. `or`/`not` are not accepted by the endpoints the fake serves, so they are rejected.
 */
export function parseFilter(text: string): FilterCondition[] {
  const parser = new Parser(text)
  const conditions = parser.conditionList()
  parser.expectEnd()
  return conditions
}

class Parser {
  private pos = 0
  constructor(private readonly text: string) {}

  conditionList(): FilterCondition[] {
    const out = this.condition()
    while (this.peek() === ',') {
      this.pos += 1
      out.push(...this.condition())
    }
    return out
  }

  expectEnd(): void {
    this.skipSpace()
    if (this.pos !== this.text.length) this.fail('unexpected trailing text')
  }

  private condition(): FilterCondition[] {
    this.skipSpace()
    const operator = this.word()
    this.expect('(')
    if (operator === 'and') {
      const inner = this.conditionList()
      this.expect(')')
      return inner
    }
    if (operator === 'or' || operator === 'not') this.fail(`operator '${operator}' is not supported here`)
    const field = this.word()
    let value: FilterValue | undefined
    if (this.peek() === ',') {
      this.pos += 1
      value = this.value()
    }
    this.expect(')')
    return [value === undefined ? { operator, field } : { operator, field, value }]
  }

  private value(): FilterValue {
    this.skipSpace()
    const char = this.text[this.pos]
    if (char === '"' || char === "'") return this.quoted(char)
    if (char === '[') {
      this.pos += 1
      const items: FilterValue[] = []
      while (this.peek() !== ']') {
        items.push(this.value())
        if (this.peek() === ',') this.pos += 1
        else if (this.peek() !== ']') this.fail('expected , or ]')
      }
      this.pos += 1
      return items
    }
    const bare = this.bare()
    if (bare === 'true' || bare === 'false') return bare === 'true'
    if (bare === 'null') return null
    if (/^-?\d+(\.\d+)?$/.test(bare)) return Number(bare)
    if (isoDateTime.test(bare) && !Number.isNaN(Date.parse(bare))) return new Date(bare)
    return this.fail(`invalid value '${bare}'`)
  }

  private quoted(quote: string): string {
    this.pos += 1
    let out = ''
    while (this.pos < this.text.length && this.text[this.pos] !== quote) {
      if (this.text[this.pos] === '\\') this.pos += 1
      out += this.text[this.pos] ?? ''
      this.pos += 1
    }
    if (this.text[this.pos] !== quote) this.fail('unterminated string')
    this.pos += 1
    return out
  }

  private word(): string {
    this.skipSpace()
    const match = /^[A-Za-z_$][\w.$-]*/.exec(this.text.slice(this.pos))
    if (!match) return this.fail('expected a name')
    this.pos += match[0].length
    return match[0]
  }

  private bare(): string {
    const match = /^[^,)\]\s]+/.exec(this.text.slice(this.pos))
    if (!match) return this.fail('expected a value')
    this.pos += match[0].length
    return match[0]
  }

  private peek(): string | undefined {
    this.skipSpace()
    return this.text[this.pos]
  }

  private expect(char: string): void {
    if (this.peek() !== char) this.fail(`expected '${char}'`)
    this.pos += 1
  }

  private skipSpace(): void {
    while (this.text[this.pos] === ' ') this.pos += 1
  }

  private fail(message: string): never {
    throw new FilterSyntaxError(`Invalid filter provided: ${message} at position ${this.pos}`)
  }
}
