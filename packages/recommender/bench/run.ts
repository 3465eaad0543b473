/**
 * `pnpm --filter @crosswise/recommender bench`: mining time and peak memory on Online Retail and on a
 * generated store (10 M orders × 100 k products by default), the latency of one recommendation from a
 * loaded model, and frequent-pair mining side by side with node-fpgrowth. Each measurement runs in a
 * child process of its own, one after another, so peak memory is that of the measurement alone.
 * Prints tables and rewrites the `## Recommender` section of BENCHMARKS.md at the repo root.
 *
 * Options: --orders N --products N (the generated store).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { hasOnlineRetail } from './online-retail-file.ts'

const { values } = parseArgs({
  options: { orders: { type: 'string', default: '10000000' }, products: { type: 'string', default: '100000' } },
})
const packageDir = fileURLToPath(new URL('..', import.meta.url))

interface Latency {
  calls: number
  p50: number
  p99: number
  max: number
  cpuP50: number
  cpuP99: number
}

function child<T>(script: string, args: string[] = []): T {
  process.stderr.write(`running bench/${script} ${args.join(' ')}…\n`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', `bench/${script}`, ...args], {
    cwd: packageDir,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  })
  if (run.status !== 0) throw new Error(`bench/${script} failed (${run.status}):\n${run.stderr}`)
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as T
}

const loadBefore = loadavg()[0]!
const retail = hasOnlineRetail()
  ? child<{
      orders: number
      products: number
      lines: number
      readSeconds: number
      miningSeconds: number
      miningWithEaseSeconds: number
      peakMemoryMb: number
      latency: Latency
    }>('mine-online-retail.ts')
  : undefined
const generated = child<{
  orders: number
  products: number
  lines: number
  customers: number
  generationSeconds: number
  miningSeconds: number
  miningCpuSeconds: number
  memoryAfterGenerationMb: number
  peakMemoryMb: number
  storedPairs: number
  storedTransitions: number
  latency: Latency
}>('mine-generated.ts', [values.orders, values.products])
const fpgrowth = child<
  {
    name: string
    orders: number
    lines: number
    minShare: number
    minCount: number
    pairs: number
    itemsets: number
    oursSeconds: number
    fpgrowthSeconds: number
    agree: boolean
  }[]
>('fpgrowth-comparison.ts')
const loadAfter = loadavg()[0]!

const number = (value: number, digits = 0) => value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const table = (header: string[], rows: string[][]) =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n')
const verdict = (ok: boolean) => (ok ? 'pass' : 'FAIL')

const mining = table(
  ['data', 'orders', 'order lines', 'products', 'mining', 'peak memory (process)', 'target'],
  [
    ...(retail
      ? [
          [
            'Online Retail',
            number(retail.orders),
            number(retail.lines),
            number(retail.products),
            `${number(retail.miningSeconds, 2)} s (${number(retail.miningWithEaseSeconds, 1)} s with EASE)`,
            `${number(retail.peakMemoryMb)} MB`,
            '—',
          ],
        ]
      : []),
    [
      `generated (seed 7), ${number(generated.customers)} customers`,
      number(generated.orders),
      number(generated.lines),
      number(generated.products),
      `${number(generated.miningSeconds, 1)} s (CPU ${number(generated.miningCpuSeconds, 1)} s)`,
      `${number(generated.peakMemoryMb)} MB (${number(generated.memoryAfterGenerationMb)} MB after generating)`,
      `≤ 20 s, ≤ 1,024 MB: ${verdict(generated.miningSeconds <= 20 && generated.peakMemoryMb <= 1024)}`,
    ],
  ],
)
const latencyRow = (name: string, latency: Latency) => [
  name,
  number(latency.calls),
  `${number(latency.p50)} µs`,
  `${number(latency.p99)} µs`,
  `${number(latency.max)} µs`,
  `${number(latency.cpuP50)} / ${number(latency.cpuP99)} µs`,
  verdict(latency.p99 < 1000),
]
const latency = table(
  ['model', 'calls', 'p50', 'p99', 'max', 'CPU p50 / p99', 'p99 < 1 ms'],
  [
    ...(retail ? [latencyRow('Online Retail (EASE blend)', retail.latency)] : []),
    latencyRow(`generated ${number(generated.products)} products (no EASE)`, generated.latency),
  ],
)
const peer = table(
  ['data', 'orders', 'min support', 'frequent pairs', 'itemsets (FP-growth)', 'ours', 'node-fpgrowth', 'ratio', 'same pairs and counts'],
  fpgrowth.map((row) => [
    row.name,
    number(row.orders),
    `${row.minShare * 100} % (${number(row.minCount)} orders)`,
    number(row.pairs),
    number(row.itemsets),
    `${number(row.oursSeconds, 2)} s`,
    `${number(row.fpgrowthSeconds, 2)} s`,
    `${number(row.fpgrowthSeconds / row.oursSeconds, 0)}×`,
    row.agree ? 'yes' : 'NO',
  ]),
)

const section = `## Recommender

\`pnpm --filter @crosswise/recommender bench\` (packages/recommender/bench/run.ts), run ${new Date().toISOString().slice(0, 10)} on
${availableParallelism()} cores shared with other work (1-minute load average ${number(loadBefore, 1)} before, ${number(loadAfter, 1)} after;
wall-clock timings stretch accordingly; the process's CPU time, all threads, is in brackets). Mining = \`mineModel\`: same-order pair counts, next-order transitions,
popularity and trend, from baskets already in typed arrays (reading or generating them is not counted; EASE is
timed separately where the catalogue allows it). Peak memory is the child process's maximum resident set,
generation included. The generated store has Zipf popularity over products and themes, baskets of 1–10 items,
customers ordering 1 + Geometric(0.3) times (bench/generate-orders.ts).

${mining}

One \`recommend()\` call (k = 1) on a model in memory, after 200 warm-up calls: every customer's latest order
for Online Retail (with their earlier purchases as owned), 10,000 sampled orders for the generated store.
Wall-clock percentiles decide the target; a second round measures each call's process CPU time, which
leaves out the moments another process holds the core (and includes the process's compiler and GC threads).

${latency}

The same task for both, every pair bought together in at least the given share of orders, on the same baskets;
node-fpgrowth has no length limit, so it also mines the longer itemsets it finds (counted above), and the
check compares its pairs with ours.

${peer}
`

process.stdout.write(`\n${section}\n`)
const benchmarksFile = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url))
const current = readFileSync(benchmarksFile, 'utf8')
const pattern = /## Recommender\n[\s\S]*?(?=\n## |$)/
writeFileSync(benchmarksFile, pattern.test(current) ? current.replace(pattern, section.trimEnd()) : `${current.trimEnd()}\n\n${section}`)
