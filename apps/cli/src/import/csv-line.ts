/**
 * Splits one CSV line (RFC 4180 quoting: `"a, b"`, `""` for a quote) into its fields. Lines come
 * from node:readline, so a quoted field spanning lines is not supported: it fails its row's checks.
 */
export function parseCsvLine(line: string): string[] {
  // Most lines have no quotes at all: split directly.
  if (!line.includes('"')) return line.split(',')
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let index = 0; index < line.length; index++) {
    const char = line[index]
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') {
        quoted = false
      } else {
        field += char
      }
    } else if (char === '"') {
      quoted = true
    } else if (char === ',') {
      fields.push(field)
      field = ''
    } else {
      field += char
    }
  }
  fields.push(field)
  return fields
}
