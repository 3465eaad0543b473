// Strings (skipped whole, escapes included) or an integer literal of 16+ digits that is not part of a
// fraction or exponent. Shopify ids are JSON numbers up to 2^63; JSON.parse would round those above
// 2^53 (16 digits and more), so they are turned into strings before parsing.
const stringOrLongInteger = /"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g

/**
 * `JSON.parse` that keeps integers too large for a double exact, as decimal strings. Node 20 has no
 * reviver source access, so the raw text is rewritten first: one linear regex pass that leaves every
 * string literal untouched. Throws SyntaxError on malformed JSON.
 */
export function parseJsonKeepingBigInts(text: string): unknown {
  return JSON.parse(text.replace(stringOrLongInteger, (token) => (token.startsWith('"') ? token : `"${token}"`)))
}
