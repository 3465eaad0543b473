import { parseArgs } from 'node:util'
import { loadConfig } from '@crosswise/config'
import { createDatabase, migrateToLatest } from '@crosswise/db'
import { storeIdSchema } from '@crosswise/domain'
import { mineStorePairings, type MiningProgress, UnknownStoreError } from '@crosswise/mining'
import { z } from 'zod'
import { UsageError, type Command } from '../command.ts'
import { ProgressBar } from '../progress-bar.ts'

const usage = 'crosswise mine --store ID [--top N] [--database-url URL]'

const argsSchema = z.object({
  store: storeIdSchema,
  top: z.coerce.number().int().min(1).max(200).default(20),
  'database-url': z.string().min(1).optional(),
})

function parse(args: string[]): z.infer<typeof argsSchema> {
  let values
  try {
    ;({ values } = parseArgs({
      args,
      options: { store: { type: 'string' }, top: { type: 'string' }, 'database-url': { type: 'string' } },
      strict: true,
    }))
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.store === undefined) throw new UsageError('--store ID is required')
  const parsed = argsSchema.safeParse(values)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const hints: Record<string, string> = {
      store: '--store must be a store id: lower-case letters, digits and dashes',
      top: '--top must be a whole number from 1 to 200',
    }
    throw new UsageError(hints[String(issue.path[0])] ?? issue.message)
  }
  return parsed.data
}

const number = (value: number) => value.toLocaleString('en-US')

function progressLine(progress: MiningProgress): { fraction: number; detail: string } {
  // Reading is most of a run's wall time on large stores; mining and writing share the rest.
  const share = { reading: [0, 0.5], mining: [0.5, 0.6], writing: [0.6, 1] } as const
  const [from, to] = share[progress.phase]
  const fraction = from + (to - from) * (progress.total > 0 ? progress.done / progress.total : 0)
  const unit = progress.phase === 'reading' ? 'orders' : 'products'
  const detail = progress.phase === 'mining' ? 'mining' : `${progress.phase} ${number(progress.done)} / ${number(progress.total)} ${unit}`
  return { fraction, detail }
}

/**
 * `crosswise mine --store ID`: mines the store's order history in PostgreSQL and stores each
 * product's best partners (support, confidence, lift, counts, reason) as the store's new current
 * model version, which journeys read when they pick a pairing. The Temporal Schedule of the worker
 * does the same nightly.
 */
export const mineCommand: Command = {
  name: 'mine',
  summary: "Mine a store's order history into pairings for its journeys (the worker refreshes them nightly)",
  usage,
  options: [
    '--store ID           the store whose order history is mined',
    '--top N              partners kept per product (1–200, default 20)',
    '--database-url URL   PostgreSQL to use (default DATABASE_URL, else the dev stack)',
  ],
  async run(args) {
    const input = parse(args)
    const databaseUrl = input['database-url'] ?? loadConfig().DATABASE_URL
    if (!databaseUrl)
      throw new UsageError(
        'set DATABASE_URL or pass --database-url (the `crosswise dev` database: postgres://postgres:crosswise@127.0.0.1:54329/crosswise)',
      )

    const db = createDatabase(databaseUrl, { maxConnections: 2, statementTimeoutMs: 300_000 })
    const bar = new ProgressBar()
    try {
      await migrateToLatest(db)
      const result = await mineStorePairings(db, input.store, {
        perProduct: input.top,
        onProgress: (progress) => bar.update(progressLine(progress)),
      })
      if (result.status === 'no-orders') {
        process.stderr.write(
          `crosswise mine: store '${input.store}' has no orders to mine; import some with \`crosswise import orders FILE --store ${input.store}\`\n`,
        )
        return 1
      }
      bar.finish({ fraction: 1, detail: `${number(result.pairings)} pairings` })
      const { reading, mining, writing } = result.seconds
      process.stdout.write(
        [
          `Mined store '${input.store}': model version ${result.modelId} is now current`,
          `  orders           ${number(result.orders)}`,
          `  products         ${number(result.products)}, ${number(result.productsPaired)} with pairings`,
          `  pairings stored  ${number(result.pairings)} (up to ${input.top} per product)`,
          `  time             ${(reading + mining + writing).toFixed(1)} s (reading ${reading.toFixed(1)}, mining ${mining.toFixed(1)}, writing ${writing.toFixed(1)})`,
          '',
        ].join('\n'),
      )
      return 0
    } catch (error) {
      if (error instanceof UnknownStoreError) {
        process.stderr.write(
          `crosswise mine: ${error.message}; \`crosswise import orders FILE --store ${input.store}\` creates it with its history\n`,
        )
        return 1
      }
      throw error
    } finally {
      await db.destroy()
    }
  },
}
