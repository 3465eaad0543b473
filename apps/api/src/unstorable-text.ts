/**
 * Where in a parsed JSON body the first text PostgreSQL cannot store or that is not Unicode sits: a
 * NUL character, or half of a surrogate pair (`"\ud800"`). Keys count as text too. Walks with its own
 * stack, so a deeply nested body cannot overflow the call stack. Returns a field path such as
 * `customer.firstName` or `lineItems[0].title`, or undefined when every string is clean.
 */
export function findUnstorableText(body: unknown): string | undefined {
  const pending: Array<[unknown, string]> = [[body, '']]
  while (pending.length > 0) {
    const [value, path] = pending.pop()!
    if (typeof value === 'string') {
      if (!isStorable(value)) return path
    } else if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) pending.push([value[index], `${path}[${index}]`])
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key
        if (!isStorable(key)) return at
        pending.push([item, at])
      }
    }
  }
  return undefined
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

function isStorable(text: string): boolean {
  return !text.includes('\u0000') && !loneSurrogate.test(text)
}
