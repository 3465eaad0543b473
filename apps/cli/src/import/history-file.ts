import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'

/** A history file opened for streaming: its lines, and how far through the file reading is. */
export interface HistoryFile {
  lines: AsyncIterable<string>
  /** Bytes of the file read so far (compressed bytes for `.gz`) and its size, for a progress bar. */
  progress(): { read: number; total: number }
}

/**
 * Opens a CSV file, gunzipping on the fly when it ends in `.gz` (or starts with gzip's magic bytes),
 * as a stream of lines: the file is never held in memory whole.
 */
export async function openHistoryFile(path: string): Promise<HistoryFile> {
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
