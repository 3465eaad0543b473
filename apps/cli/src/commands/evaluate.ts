import { parseArgs } from 'node:util'
import { loadConfig } from '@crosswise/config'
import { type BlendWeights, type MetricsBySegment, reportedSegments, signals } from '@crosswise/recommender'
import { UsageError, type Command } from '../command.ts'
import { readHistoryFile, readStoreHistoryFrom } from '../evaluate/history-source.ts'
import { defaultValidationCutoff, evaluateOffline } from '../evaluate/offline-evaluation.ts'

function parseDate(name: string, value: string): number {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  if (!Number.isFinite(time)) throw new UsageError(`--${name} must be a date such as 2011-09-01, got '${value}'`)
  return time
}

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10)

function describeWeights(weights: BlendWeights): string {
  return signals
    .filter((signal) => weights[signal] !== 0)
    .map((signal) => `${signal} ${weights[signal]}`)
    .join(' · ')
}

function table(rows: readonly { model: string; metrics: MetricsBySegment }[]): string {
  const width = Math.max(5, ...rows.map(({ model }) => model.length))
  const out: string[] = []
  for (const segment of reportedSegments) {
    out.push(`\n${segment} (${rows[0]?.metrics[segment].cases ?? 0} customers)`)
    out.push(`  ${'model'.padEnd(width)}   HR@5  HR@10  Recall@10  NDCG@10`)
    for (const { model, metrics } of rows) {
      const { hitRate5, hitRate10, recall10, ndcg10 } = metrics[segment]
      out.push(
        `  ${model.padEnd(width)}  ${[hitRate5, hitRate10, recall10, ndcg10].map((value, index) => value.toFixed(3).padStart([5, 6, 10, 8][index]!)).join(' ')}`,
      )
    }
  }
  return out.join('\n')
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: "Score the recommender offline on an order-history file or a store's history (next order after a time cutoff)",
  usage: 'crosswise evaluate (--data FILE | --store ID [--database-url URL]) [--cutoff 2011-09-01] [--validation-cutoff DATE] [--json]',
  options: [
    '--data FILE             an order history CSV (.gz accepted), or',
    "--store ID              a store's history in PostgreSQL (--database-url URL, default DATABASE_URL)",
    "--cutoff DATE           train before it, score each customer's first order after it (default 2011-09-01)",
    "--validation-cutoff DATE  where the blend's weights are chosen (default 92 days before --cutoff)",
    '--json                  print the results as JSON',
  ],
  async run(args) {
    let values
    try {
      ;({ values } = parseArgs({
        args,
        options: {
          data: { type: 'string' },
          store: { type: 'string' },
          'database-url': { type: 'string' },
          cutoff: { type: 'string', default: '2011-09-01' },
          'validation-cutoff': { type: 'string' },
          json: { type: 'boolean', default: false },
        },
        strict: true,
      }))
    } catch (error) {
      throw new UsageError((error as Error).message)
    }
    if ((values.data === undefined) === (values.store === undefined)) {
      throw new UsageError(
        'give one of --data FILE (Online Retail CSV or the generic order format, gzip or plain) or --store ID (its history in PostgreSQL)',
      )
    }
    const cutoff = parseDate('cutoff', values.cutoff)
    const validationCutoff = values['validation-cutoff']
      ? parseDate('validation-cutoff', values['validation-cutoff'])
      : defaultValidationCutoff(cutoff)
    if (validationCutoff >= cutoff) throw new UsageError('--validation-cutoff must be before --cutoff')
    const say = (message: string): void => void process.stderr.write(`${message}\n`)
    const started = performance.now()
    const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`

    const source = values.data ?? `store ${values.store}`
    let input
    if (values.data !== undefined) {
      input = await readHistoryFile(values.data, (line) => say(`read ${line.toLocaleString('en')} lines`))
    } else {
      const databaseUrl = values['database-url'] ?? loadConfig().DATABASE_URL
      if (!databaseUrl)
        throw new UsageError(
          '--store needs DATABASE_URL or --database-url (the `crosswise dev` database: postgres://postgres:crosswise@127.0.0.1:54329/crosswise)',
        )
      input = await readStoreHistoryFrom(databaseUrl, values.store!, (orders) => say(`read ${orders.toLocaleString('en')} orders`))
    }
    const { history, lines, rejected } = input
    say(
      `read ${lines.toLocaleString('en')} lines: ${history.baskets.offsets.length - 1} orders, ${history.products.size} products (${elapsed()})`,
    )

    say(`validation: train before ${isoDate(validationCutoff)}; tuning…`)
    const evaluation = evaluateOffline(history, { cutoff, validationCutoff, onProgress: (message) => say(`  ${message} (${elapsed()})`) })
    if (!evaluation) throw new UsageError(`no customer ordered both before and after ${isoDate(cutoff)}`)
    const { tuned, test, rows } = evaluation
    const { baskets } = test.training
    say(`scored ${test.cases.length} customers (${elapsed()})`)

    const report = {
      data: source,
      lines,
      rejected,
      cutoff: isoDate(cutoff),
      validation: { trainBefore: isoDate(validationCutoff), truthBefore: isoDate(cutoff), customers: evaluation.validationCases, ...tuned },
      test: { customers: test.cases.length, items: baskets.itemCount, trainingOrders: baskets.offsets.length - 1 },
      rows,
    }
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify(report, (_key, value: unknown) => (value === Number.POSITIVE_INFINITY ? 'Infinity' : value), 2)}\n`,
      )
      return 0
    }
    process.stdout.write(
      [
        `Offline evaluation of ${source}`,
        `Test: train on orders before ${isoDate(cutoff)}; truth = each customer's first order after it, items they never bought before`,
        `  ${test.cases.length} customers, ${baskets.itemCount} items with ≥ 3 training orders`,
        `Settings chosen on validation only (train before ${isoDate(validationCutoff)}, truth before ${isoDate(cutoff)}, ${evaluation.validationCases} customers):`,
        `  EASE λ ${tuned.easeLambda === false ? 'off (catalogue too large)' : tuned.easeLambda}, popularity half-life ${tuned.popularityHalfLifeDays} days, ` +
          `trend = daily sales over the last ${tuned.trendDays[0]} days minus over the ${tuned.trendDays[1]} before`,
        `  blend: ${describeWeights(tuned.weights)} (validation HR@10 ${tuned.validationHitRate10.blend.toFixed(3)})`,
        `  blend without EASE: ${describeWeights(tuned.sparseWeights)} (validation HR@10 ${tuned.validationHitRate10.sparse.toFixed(3)})`,
        table(rows),
        '',
      ].join('\n'),
    )
    return 0
  },
}
