/**
 * `pnpm --filter @crosswise/measurement bench`: the planted-truth simulations at full size, printed as
 * a table and written to the `## Measurement` section of BENCHMARKS.md. The figures are rates over
 * seeded runs, not speeds: the machine's load does not move them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  cupedCoverage,
  falseWinnerRate,
  holdoutLiftCoverage,
  repeatRateCoverage,
  reviewOfPlantedDuds,
  sequentialPower,
  welchRevenueCoverage,
} from '../src/planted-truths.ts'

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`
const rows: Array<[string, string, string, string]> = []
const row = (measure: string, planted: string, runs: string, result: string) => {
  rows.push([measure, planted, runs, result])
  process.stderr.write(`${measure}: ${result}\n`)
}

row(
  'revenue per customer, Welch 95 % interval',
  '+5 pts buy rate (25 → 30 %)',
  '2,000 runs of 400 + 400',
  `covers in ${percent(welchRevenueCoverage(2_000))}`,
)
const cuped = cupedCoverage(2_000)
row(
  'spend with a pre-period covariate, CUPED 95 % interval',
  '+3 per customer',
  '2,000 runs of 200 + 200',
  `covers in ${percent(cuped.coverage)}; narrower than Welch in ${percent(cuped.narrower)}`,
)
row(
  'repeat-purchase rate, Newcombe 95 % interval',
  '25 → 33 %',
  '2,000 runs of 500 + 500',
  `covers in ${percent(repeatRateCoverage(2_000))}`,
)
const stores = holdoutLiftCoverage(1_000, 2_000)
row(
  'holdout lift: repeat purchase / revenue per customer (CUPED)',
  '+8 pts chance to buy again, 10 % held out',
  '1,000 stores of 2,000 journeys',
  `covers in ${percent(stores.repeat)} / ${percent(stores.revenue)}; CUPED interval ${percent(stores.cupedWidth)} of Welch's width`,
)
row(
  'sequential test (mSPRT, α = 0.05), read every 100 sends',
  'none: 5 % vs 5 % click-through',
  '1,000 experiments',
  `false winner in ${percent(falseWinnerRate(1_000))}`,
)
const power = sequentialPower(500)
row(
  'sequential test, read every 100 sends',
  'variant B +3 pts click-through (5 → 8 %)',
  '500 experiments',
  `B named in ${percent(power.right)}, A in ${percent(power.wrong)}`,
)
const review = reviewOfPlantedDuds(500)
row(
  'monthly pairing review (99 % upper bound)',
  '3 of 20 mined pairings never convert, the rest 2–6 %',
  '500 stores',
  `retired ${review.dudsRetired} of ${review.duds} duds, ${review.goodRetired} of ${review.good} good pairings`,
)

const table = [
  '| measure | planted truth | runs | result |',
  '| --- | --- | --- | --- |',
  ...rows.map((cells) => `| ${cells.join(' | ')} |`),
].join('\n')
process.stdout.write(`${table}\n`)

const section = `## Measurement

\`pnpm --filter @crosswise/measurement bench\` runs simulated stores with a planted truth through the
measurement code (\`packages/measurement/src/planted-truths.ts\`; the unit tests run the same
simulations at a smaller size and fail outside the bounds). A 95 % interval should cover the truth in
93–97 % of runs, a sequential test with α = 0.05 should name a false winner in at most 5 % of
experiments however often it is read, and the review should retire the duds and nothing else.

${table}
`
const benchmarksFile = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url))
const current = existsSync(benchmarksFile) ? readFileSync(benchmarksFile, 'utf8') : '# Benchmarks\n'
const pattern = /## Measurement\n[\s\S]*?(?=\n## |$)/
writeFileSync(benchmarksFile, pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}`)
