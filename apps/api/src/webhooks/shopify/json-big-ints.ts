const isDigit = (code: number) => code >= 48 && code <= 57
// Characters a JSON number token is made of.
const isNumberPart = (code: number) => isDigit(code) || code === 45 || code === 43 || code === 46 || code === 101 || code === 69

/**
 * `JSON.parse` that keeps integers too large for a double exact, as decimal strings. Shopify ids are
 * JSON numbers up to 2^63; JSON.parse would round those above 2^53 (16 digits and more). Node 20 has
 * no reviver source access, so the raw text is rewritten first, in one pass that walks each string
 * literal once (a regular expression here backtracked quadratically on bodies of escaped quotes).
 * Throws SyntaxError on malformed JSON.
 */
export function parseJsonKeepingBigInts(text: string): unknown {
  const pieces: string[] = []
  let copiedTo = 0
  let index = 0
  while (index < text.length) {
    const code = text.charCodeAt(index)
    if (code === 34) {
      // A string literal: skip to its closing quote, stepping over escapes.
      index++
      while (index < text.length && text.charCodeAt(index) !== 34) index += text.charCodeAt(index) === 92 ? 2 : 1
      index++
    } else if (isNumberPart(code)) {
      const start = index
      while (index < text.length && isNumberPart(text.charCodeAt(index))) index++
      const token = text.slice(start, index)
      if (/^-?\d{16,}$/.test(token)) {
        pieces.push(text.slice(copiedTo, start), `"${token}"`)
        copiedTo = index
      }
    } else index++
  }
  pieces.push(text.slice(copiedTo))
  return JSON.parse(pieces.join(''))
}
