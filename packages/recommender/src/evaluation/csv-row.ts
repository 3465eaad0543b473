/**
 * Splits one CSV record into fields (RFC 4180 quoting: `"a, b"` and `""` for a quote inside quotes).
 * A quoted field keeps its line breaks when the caller joins the lines of such a record (the CLI's
 * import does; order exports keep one line per record). The one CSV splitter of the project.
 */
export function splitCsvRow(line: string): string[] {
  // Most lines have no quotes at all: split directly.
  if (!line.includes('"')) return line.split(',')
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
