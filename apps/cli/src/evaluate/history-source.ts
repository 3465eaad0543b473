import { createDatabase, getStore } from '@crosswise/db'
import { type LineRejection, type OrderHistory, OrderHistoryBuilder } from '@crosswise/recommender'
import { readStoreHistory } from '@crosswise/mining'
import { UsageError } from '../command.ts'
import { readOrderLines } from '../history/order-lines-file.ts'

/** An order history to evaluate on, with how many lines it was read from and why lines were left out. */
export interface EvaluationInput {
  history: OrderHistory
  lines: number
  rejected: Partial<Record<LineRejection, number>>
}

/** Reads an order-history CSV (gzip or plain) line by line, so a large export never sits in memory as text. */
export async function readHistoryFile(file: string, progress: (line: number) => void): Promise<EvaluationInput> {
  const builder = new OrderHistoryBuilder()
  const { lines, rejected } = await readOrderLines(file, (line) => builder.add(line), progress)
  return { history: builder.build(), lines, rejected }
}

/**
 * Reads a store's history from PostgreSQL (orders from the API, webhooks and imports; cancelled ones
 * left out), exactly as `crosswise mine` and the nightly refresh read it.
 */
export async function readStoreHistoryFrom(
  databaseUrl: string,
  storeId: string,
  progress: (orders: number) => void,
): Promise<EvaluationInput> {
  const db = createDatabase(databaseUrl, { maxConnections: 2, statementTimeoutMs: 300_000 })
  try {
    if (!(await getStore(db, storeId)))
      throw new UsageError(
        `store '${storeId}' does not exist; \`crosswise import orders FILE --store ${storeId}\` creates it with its history`,
      )
    const { history, lines } = await readStoreHistory(db, storeId, progress)
    return { history, lines, rejected: {} }
  } finally {
    await db.destroy()
  }
}
