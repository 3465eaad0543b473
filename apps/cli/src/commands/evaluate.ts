import { parseArgs } from 'node:util'
import { loadConfig } from '@crosswise/config'
import {
  type BlendWeights,
  type CaseRanker,
  coOccurrenceRanker,
  countPairs,
  type MetricsBySegment,
  mineModel,
  modelRanker,
  measureRanker,
  popularityRanker,
  reportedSegments,
  signals,
  splitAtCutoff,
  tuneModel,
} from '@crosswise/recommender'
import { UsageError, type Command } from '../command.ts'
import { readHistoryFile, readStoreHistoryFrom } from '../evaluate/history-source.ts'

const dayMs = 86_400_000
// Three months before the test cutoff: long enough for ~1,200 validation customers on Online Retail,
// recent enough that the chosen weights still fit the test period.
const validationDays = 92

function parseDate(name: string, value: string): number {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  if (!Number.isFinite(time)) throw new UsageError(`--${name} must be a date such as 2011-09-01, got '${value}'`)
  return time
}

const isoDate = (time: number): string => new Date(time).toISOString().slice(0, 10)

function describeWeights(weights: BlendWeights): string {
  return signals.filter((signal) => weights[signal] !== 0).map((signal) => `${signal} ${weights[signal]}`).join(' · ')
}

function table(rows: readonly { model: string; metrics: MetricsBySegment }[]): string {
  const width = Math.max(5, ...rows.map(({ model }) => model.length))
  const out: string[] = []
  for (const segment of reportedSegments) {
    out.push(`\n${segment} (${rows[0]?.metrics[segment].cases ?? 0} customers)`)
    out.push(`  ${'model'.padEnd(width)}   HR@5  HR@10  Recall@10  NDCG@10`)
    for (const { model, metrics } of rows) {
      const { hitRate5, hitRate10, recall10, ndcg10 } = metrics[segment]
      out.push(`  ${model.padEnd(width)}  ${[hitRate5, hitRate10, recall10, ndcg10].map((value, index) => value.toFixed(3).padStart([5, 6, 10, 8][index]!)).join(' ')}`)
    }
  }
  return out.join('\n')
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: "Score the recommender offline on an order-history file or a store's history (next order after a time cutoff)",
  usage: 'crosswise evaluate (--data FILE | --store ID [--database-url URL]) [--cutoff 2011-09-01] [--validation-cutoff DATE] [--json]',
  options: {
    '--data FILE': 'an order-history file (Online Retail or the generic order layout, plain or .gz)',
    '--store ID': "a store's order history in PostgreSQL instead of a file",
    '--database-url URL': 'PostgreSQL for --store (default: DATABASE_URL)',
    '--cutoff DATE': 'train on orders before it, score on the next order after it (default 2011-09-01)',
    '--validation-cutoff DATE': 'where tuning data starts (default: 92 days before --cutoff)',
    '--json': 'print the scores as JSON',
  },
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
      throw new UsageError('give one of --data FILE (Online Retail CSV or the generic order format, gzip or plain) or --store ID (its history in PostgreSQL)')
    }
    const cutoff = parseDate('cutoff', values.cutoff)
    const validationCutoff = values['validation-cutoff'] ? parseDate('validation-cutoff', values['validation-cutoff']) : cutoff - validationDays * dayMs
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
      if (!databaseUrl) throw new UsageError('--store needs DATABASE_URL or --database-url (the `crosswise dev` database: postgres://postgres:crosswise@127.0.0.1:54329/crosswise)')
      input = await readStoreHistoryFrom(databaseUrl, values.store!, (orders) => say(`read ${orders.toLocaleString('en')} orders`))
    }
    const { history, lines, rejected } = input
    say(`read ${lines.toLocaleString('en')} lines: ${history.baskets.offsets.length - 1} orders, ${history.products.size} products (${elapsed()})`)

    // Weights are chosen on an earlier window whose truth ends where the test starts, so the test
    // customers' next orders never influence the model that is scored on them.
    const validation = splitAtCutoff(history, { cutoff: validationCutoff, until: cutoff })
    say(`validation: train before ${isoDate(validationCutoff)}, ${validation.cases.length} customers; tuning…`)
    const tuned = tuneModel(validation.training, validation.cases, { onProgress: (message) => say(`  ${message} (${elapsed()})`) })

    const test = splitAtCutoff(history, { cutoff })
    if (test.cases.length === 0) throw new UsageError(`no customer ordered both before and after ${isoDate(cutoff)}`)
    const model = mineModel(test.training, {
      easeLambda: tuned.easeLambda,
      popularityHalfLifeDays: tuned.popularityHalfLifeDays,
      trendDays: tuned.trendDays,
      weights: tuned.weights,
    })
    const { baskets } = test.training
    const only = (weights: Partial<BlendWeights>): BlendWeights => ({ ...Object.fromEntries(signals.map((signal) => [signal, 0])), ...weights }) as BlendWeights
    const rankers: [string, CaseRanker][] = [
      ['popularity', popularityRanker(model.frequencies)],
      ['co-occurrence', coOccurrenceRanker(countPairs(baskets).coPurchases, model.frequencies)],
      ['shrunk cosine', modelRanker(model, only({ coPurchase: 1 }))],
      ['next-order transitions', modelRanker(model, only({ transitions: 1 }))],
      ['blend without EASE', modelRanker(model, tuned.sparseWeights)],
    ]
    if (model.ease) {
      rankers.push(['EASE (trigger order)', modelRanker(model, only({ ease: 1 }))])
      rankers.push(['EASE (trigger + history)', modelRanker(model, only({ ease: 1, easeHistory: 1 }))])
      rankers.push(['blend', modelRanker(model)])
    }
    const rows = rankers.map(([name, rank]) => ({ model: name, metrics: measureRanker(test.cases, rank) }))
    say(`scored ${test.cases.length} customers (${elapsed()})`)

    const report = {
      data: source,
      lines,
      rejected,
      cutoff: isoDate(cutoff),
      validation: { trainBefore: isoDate(validationCutoff), truthBefore: isoDate(cutoff), customers: validation.cases.length, ...tuned },
      test: { customers: test.cases.length, items: baskets.itemCount, trainingOrders: baskets.offsets.length - 1 },
      rows,
    }
    if (values.json) {
      process.stdout.write(`${JSON.stringify(report, (_key, value: unknown) => (value === Number.POSITIVE_INFINITY ? 'Infinity' : value), 2)}\n`)
      return 0
    }
    process.stdout.write(
      [
        `Offline evaluation of ${source}`,
        `Test: train on orders before ${isoDate(cutoff)}; truth = each customer's first order after it, items they never bought before`,
        `  ${test.cases.length} customers, ${baskets.itemCount} items with ≥ 3 training orders`,
        `Settings chosen on validation only (train before ${isoDate(validationCutoff)}, truth before ${isoDate(cutoff)}, ${validation.cases.length} customers):`,
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
