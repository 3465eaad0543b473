import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { splitCsvRow } from '@crosswise/recommender'

/** A CSV file opened for streaming: its lines, and how far through the file reading is. */
export interface CsvFile {
  lines: AsyncIterable<string>
  /** Bytes of the file read so far (compressed bytes for `.gz`) and its size, for a progress bar. */
  progress(): { read: number; total: number }
}

/**
 * Opens a CSV file, gunzipping on the fly when it ends in `.gz` (or starts with gzip's magic bytes),
 * as a stream of lines: the file is never held in memory whole.
 */
export async function openCsvFile(path: string): Promise<CsvFile> {
  const { size } = await stat(path)
  const gzip = path.endsWith('.gz') || (await startsWithGzipMagic(path))
  // Created after every await: a 'data' listener starts the flow, and nothing may be read unheard.
  const raw = createReadStream(path)
  let read = 0
  raw.on('data', (chunk) => (read += chunk.length))
  const text: Readable = gzip ? raw.pipe(createGunzip()) : raw
  // A corrupt archive must fail the import, not end it early as if the file were complete.
  if (gzip) raw.on('error', (error) => text.destroy(error))
  return {
    lines: createInterface({ input: text, crlfDelay: Infinity }),
    progress: () => ({ read, total: size }),
  }
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  for await (const chunk of createReadStream(path, { start: 0, end: 1 })) {
    const bytes = chunk as Buffer
    return bytes[0] === 0x1f && bytes[1] === 0x8b
  }
  return false
}

/** A CSV record and the line it starts on (line 1 is the header). */
export interface CsvRecord {
  line: number
  fields: string[]
}

// A stray quote must not swallow the rest of the file into one record.
const maxRecordChars = 1_000_000

function quotesIn(text: string): number {
  let count = 0
  for (let at = text.indexOf('"'); at !== -1; at = text.indexOf('"', at + 1)) count++
  return count
}

/**
 * The records of a CSV file, the header first (a byte-order mark stripped). A quoted field may hold
 * line breaks (Shopify's `Body (HTML)` often does): a record goes on over the next lines while its
 * quotes are open. Blank lines are skipped but counted, so line numbers match what an editor shows.
 */
export async function* csvRecords(lines: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let line = 0
  let open: { line: number; text: string; quotes: number } | undefined
  for await (const next of lines) {
    line++
    if (open) {
      open.text += `\n${next}`
      open.quotes += quotesIn(next)
      if (open.quotes % 2 === 1 && open.text.length < maxRecordChars) continue
      yield { line: open.line, fields: splitCsvRow(open.text) }
      open = undefined
      continue
    }
    const text = line === 1 ? next.replace(/^\uFEFF/, '') : next
    const quotes = quotesIn(text)
    if (quotes % 2 === 1) open = { line, text, quotes }
    else if (line === 1 || text.trim() !== '') yield { line, fields: splitCsvRow(text) }
  }
  if (open) yield { line: open.line, fields: splitCsvRow(open.text) }
}

/** Thrown when a file cannot be imported at all (empty, unknown header). */
export class ImportFileError extends Error {
  override name = 'ImportFileError'
}
