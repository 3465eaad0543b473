/**
 * Splits one CSV record into fields (RFC 4180 quoting: `"a, b"` and `""` for a quote inside quotes).
 * Records spanning several lines are not supported; order exports keep one line per record.
 */
export function splitCsvRow(line: string): string[] {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let position = 0; position < line.length; position++) {
    const char = line[position]
    if (quoted) {
      if (char !== '"') field += char
      else if (line[position + 1] === '"') {
        field += '"'
        position++
      } else quoted = false
    } else if (char === '"') quoted = true
    else if (char === ',') {
      fields.push(field)
      field = ''
    } else field += char
  }
  fields.push(field)
  return fields
}
