import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { type LineRejection, type OrderLine, orderLineReader, splitCsvRow } from '@crosswise/recommender'
import { UsageError } from '../command.ts'

/** What reading a file's order lines counted: lines read and why lines were left out. */
export interface OrderLinesRead {
  lines: number
  rejected: Partial<Record<LineRejection, number>>
}

/**
 * Streams an order-history CSV (gzip or plain; Online Retail or the generic layout) line by line,
 * handing each accepted order line to `onLine`, so a large export never sits in memory as text.
 */
export async function readOrderLines(
  file: string,
  onLine: (line: OrderLine) => void,
  progress: (line: number) => void = () => {},
): Promise<OrderLinesRead> {
  const handle = await open(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`)
  })
  const magic = Buffer.alloc(2)
  await handle.read(magic, 0, 2, 0)
  await handle.close()
  const raw = createReadStream(file)
  const input = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw
  const rejected: Partial<Record<LineRejection, number>> = {}
  let reader: ReturnType<typeof orderLineReader> | undefined
  let lines = 0
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (text.trim() === '') continue
    const fields = splitCsvRow(text)
    if (!reader) {
      try {
        reader = orderLineReader(fields.map((field) => field.replace(/^\uFEFF/, '')))
      } catch (error) {
        throw new UsageError((error as Error).message)
      }
      continue
    }
    lines++
    if (lines % 100_000 === 0) progress(lines)
    const line = reader(fields)
    if (typeof line === 'string') rejected[line] = (rejected[line] ?? 0) + 1
    else onLine(line)
  }
  if (!reader) throw new UsageError(`${file} is empty`)
  return { lines, rejected }
}
