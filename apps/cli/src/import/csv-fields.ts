import type { z } from 'zod'

/**
 * Where the named columns sit in a header; names compare lower-cased with spaces and dashes as
 * underscores (`Variant Price` is `variant_price`). Throws a message naming the required ones missing.
 */
export function columnIndex(header: string[], required: readonly string[], optional: readonly string[] = []): Map<string, number> {
  const normalised = header.map((name) =>
    name
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  )
  const missing = required.filter((name) => !normalised.includes(name))
  if (missing.length > 0) throw new Error(`the header lacks ${missing.join(', ')}`)
  return new Map([...required, ...optional].filter((name) => normalised.includes(name)).map((name) => [name, normalised.indexOf(name)]))
}

/** A field's trimmed text, undefined when empty or missing. */
export const optionalText = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value.trim())

/** The first problem of a row as `Column: message`, named by the file's own column. */
export function firstIssue(error: z.ZodError, columns: Readonly<Record<string, string>>): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid row'
  const key = issue.path[0]
  return typeof key === 'string' ? `${columns[key] ?? key}: ${issue.message}` : issue.message
}
