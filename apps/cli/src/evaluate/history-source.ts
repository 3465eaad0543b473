import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { createGunzip } from 'node:zlib'
import { createDatabase, getStore } from '@crosswise/db'
import { type LineRejection, type OrderHistory, OrderHistoryBuilder, orderLineReader, splitCsvRow } from '@crosswise/recommender'
import { readStoreHistory } from '@crosswise/worker'
import { UsageError } from '../command.ts'

/** An order history to evaluate on, with how many lines it was read from and why lines were left out. */
export interface EvaluationInput {
  history: OrderHistory
  lines: number
  rejected: Partial<Record<LineRejection, number>>
}

/** Reads an order-history CSV (gzip or plain) line by line, so a large export never sits in memory as text. */
export async function readHistoryFile(file: string, progress: (line: number) => void): Promise<EvaluationInput> {
  const handle = await open(file).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code ?? error.message}`)
  })
  const magic = Buffer.alloc(2)
  await handle.read(magic, 0, 2, 0)
  await handle.close()
  const raw = createReadStream(file)
  const input = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw
  const builder = new OrderHistoryBuilder()
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
    else builder.add(line)
  }
  if (!reader) throw new UsageError(`${file} is empty`)
  return { history: builder.build(), lines, rejected }
}

/**
 * Reads a store's history from PostgreSQL (orders from the API, webhooks and imports; cancelled ones
 * left out), exactly as `crosswise mine` and the nightly refresh read it.
 */
export async function readStoreHistoryFrom(databaseUrl: string, storeId: string, progress: (orders: number) => void): Promise<EvaluationInput> {
  const db = createDatabase(databaseUrl, { maxConnections: 2, statementTimeoutMs: 300_000 })
  try {
    if (!(await getStore(db, storeId))) throw new UsageError(`store '${storeId}' does not exist; \`crosswise import orders FILE --store ${storeId}\` creates it with its history`)
    const { history, lines } = await readStoreHistory(db, storeId, progress)
    return { history, lines, rejected: {} }
  } finally {
    await db.destroy()
  }
}
