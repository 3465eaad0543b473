import { loadConfig } from '@crosswise/config'
import { createDatabase, getStore } from '@crosswise/db'
import { storeIdSchema } from '@crosswise/domain'
import { defaultPairingReviewOptions } from '@crosswise/measurement'
import { runPairingReview } from '@crosswise/reports'
import { z } from 'zod'
import { UsageError, type Command } from '../command.ts'
import { parseOptions } from '../command-options.ts'

const usage = 'crosswise review --store ID [--minimum-sends N] [--floor RATE] [--json] [--database-url URL]'

const argsSchema = z.object({
  store: z.string({ error: 'is required: the store whose pairings to review' }).pipe(storeIdSchema),
  'minimum-sends': z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(defaultPairingReviewOptions.minimumSends),
  floor: z.coerce
    .number()
    .min(0, 'must be a rate between 0 and 1')
    .max(1, 'must be a rate between 0 and 1')
    .default(defaultPairingReviewOptions.conversionFloor),
  'database-url': z.string().min(1).optional(),
  json: z.boolean().default(false),
})

const parse = (args: string[]) => parseOptions(args, argsSchema)

/** `crosswise review --store ID`: the monthly pairing review, run now. */
export const reviewCommand: Command = {
  name: 'review',
  summary: "Run a store's pairing review now: retire mined and best-seller pairings that do not convert, flag manual ones",
  usage,
  options: [
    '--store ID           the store whose pairings to review',
    `--minimum-sends N    sends a pairing needs before a verdict (default ${defaultPairingReviewOptions.minimumSends})`,
    `--floor RATE         the conversion rate a pairing must be able to reach (default ${defaultPairingReviewOptions.conversionFloor})`,
    '--json               print the verdicts as JSON',
    '--database-url URL   PostgreSQL to use (default DATABASE_URL, else the dev stack)',
  ],
  async run(args) {
    const input = parse(args)
    const config = loadConfig()
    const db = createDatabase(
      input['database-url'] ?? config.DATABASE_URL ?? `postgres://postgres:crosswise@127.0.0.1:${config.CROSSWISE_PG_PORT}/crosswise`,
      { maxConnections: 1 },
    )
    try {
      if (!(await getStore(db, input.store))) throw new UsageError(`store '${input.store}' does not exist`)
      const run = await runPairingReview(db, input.store, new Date(), {
        ...defaultPairingReviewOptions,
        minimumSends: input['minimum-sends'],
        conversionFloor: input.floor,
      })
      if (input.json) {
        process.stdout.write(`${JSON.stringify(run, null, 2)}\n`)
        return 0
      }
      const count = (verdict: string) => run.entries.filter((entry) => entry.verdict === verdict).length
      const lines = run.entries
        .filter((entry) => entry.verdict === 'retire' || entry.verdict === 'flag')
        .map(
          (entry) =>
            `  ${entry.verdict === 'retire' ? 'retired' : 'flagged'} ${entry.pairingId} (${entry.source ?? 'unknown'}): ${entry.reason}`,
        )
      process.stdout.write(
        [
          `review ${run.reviewId} of ${input.store}: ${run.entries.length} pairings read; ${count('keep')} kept, ${count('retire')} retired, ${count('flag')} flagged, ${count('collecting')} still collecting sends`,
          ...lines,
        ].join('\n') + '\n',
      )
      return 0
    } finally {
      await db.destroy()
    }
  },
}
