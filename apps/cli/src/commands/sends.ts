import { parseArgs } from 'node:util'
import { loadConfig } from '@crosswise/config'
import { createDatabase, getStore, listSends, type LedgerEntry } from '@crosswise/db'
import { storeIdSchema } from '@crosswise/domain'
import { UsageError, type Command } from '../command.ts'

const usage = 'crosswise sends --store ID [--last N] [--database-url URL]'

const columns: Array<[string, (entry: LedgerEntry) => string]> = [
  ['sent at', (entry) => entry.sentAt?.toISOString().replace('T', ' ').slice(0, 19) ?? ''],
  ['customer', (entry) => entry.customerId],
  ['order', (entry) => entry.orderId],
  ['email', (entry) => `${entry.step} ${entry.kind ?? ''}`.trim()],
  ['status', (entry) => entry.status],
  ['source', (entry) => entry.pairingSource ?? ''],
  ['pairing', (entry) => entry.pairingId ?? ''],
  ['channel', (entry) => entry.channel ?? ''],
  // Whose consent let the email go: the Klaviyo profile's, or the one the order brought.
  ['consent', (entry) => entry.consentSource ?? ''],
]

/** The ledger as a table, one email (or refusal) a line, widths fitted to the values. */
export function ledgerTable(entries: readonly LedgerEntry[]): string {
  const cells = entries.map((entry) => columns.map(([, value]) => value(entry)))
  const widths = columns.map(([title], index) => Math.max(title.length, ...cells.map((row) => row[index]!.length)))
  const line = (row: string[]) =>
    row
      .map((cell, index) => cell.padEnd(widths[index]!))
      .join('  ')
      .trimEnd()
  return [line(columns.map(([title]) => title)), ...cells.map(line)].join('\n') + '\n'
}

/** `crosswise sends --store ID`: the store's send ledger, newest last: what each journey sent or refused, and why. */
export const sendsCommand: Command = {
  name: 'sends',
  summary: "Show a store's send ledger: every journey email (or refusal), its pick's source and pairing",
  usage,
  options: [
    '--store ID           the store whose ledger to show',
    '--last N             only the newest N rows (default 30; 0 for all)',
    '--database-url URL   PostgreSQL to read (default DATABASE_URL, else the dev stack)',
  ],
  async run(args) {
    let values
    try {
      ;({ values } = parseArgs({
        args,
        options: { store: { type: 'string' }, last: { type: 'string' }, 'database-url': { type: 'string' } },
        strict: true,
      }))
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    const store = storeIdSchema.safeParse(values.store)
    if (!store.success) throw new UsageError('--store must be a store id: lower-case letters, digits and dashes')
    const last = Number(values.last ?? 30)
    if (!Number.isInteger(last) || last < 0) throw new UsageError('--last must be a whole number (0 for all)')
    const config = loadConfig()
    const db = createDatabase(
      values['database-url'] ?? config.DATABASE_URL ?? `postgres://postgres:crosswise@127.0.0.1:${config.CROSSWISE_PG_PORT}/crosswise`,
      { maxConnections: 1 },
    )
    try {
      if (!(await getStore(db, store.data))) throw new UsageError(`store '${store.data}' does not exist`)
      const entries = await listSends(db, store.data)
      const shown = last === 0 ? entries : entries.slice(-last)
      const sent = entries.filter((entry) => entry.status === 'sent').length
      process.stdout.write(
        `${ledgerTable(shown)}${entries.length} rows, ${sent} emails sent${shown.length < entries.length ? ` (the newest ${shown.length} shown)` : ''}\n`,
      )
      return 0
    } finally {
      await db.destroy()
    }
  },
}
