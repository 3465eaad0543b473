/**
 * Splits one CSV record (RFC 4180 quoting: `"a, b"`, `""` for a quote) into its fields; a quoted
 * field keeps its line breaks (`csvRecords` joins the lines of such a record).
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
