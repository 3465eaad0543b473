// The path past one machine, run on one: the full Temporal server on PostgreSQL, two API processes and
// two worker processes (scripts/cluster.sh builds the server and checks out the previous release).
// `tsx bench/cluster/cluster.ts [bench] [crash] [deploy]` (all three by default) runs:
//   bench:  the journey bench against this server (ratio to a bare workflow on the same server);
//   crash:  two workers, one SIGKILLed repeatedly: no journey lost, no duplicate Klaviyo event;
//   deploy: a rolling deploy from the previous release (CROSSWISE_PREVIOUS_RELEASE) with journeys mid-flight.
// Each writes its section of BENCHMARKS.md; the process exits 1 when a scenario misses its bar.
import { spawn } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { writeBenchmarkSection } from '../benchmarks-file.ts'
import { rollingDeploy } from './rolling-deploy.ts'
import { startClusterStack } from './stack.ts'
import { twoWorkersOneKilled } from './two-workers-one-killed.ts'

const scenarios = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['bench', 'crash', 'deploy']
const unknown = scenarios.filter((name) => !['bench', 'crash', 'deploy'].includes(name))
if (unknown.length > 0) throw new Error(`unknown scenario(s) ${unknown.join(', ')}: choose from bench, crash, deploy`)
const previousRelease = process.env.CROSSWISE_PREVIOUS_RELEASE
if (scenarios.includes('deploy') && !previousRelease)
  throw new Error(
    'deploy needs CROSSWISE_PREVIOUS_RELEASE: a checkout of the previous release with its node modules (scripts/cluster.sh makes one)',
  )
const journeys = Number(process.env.JOURNEYS ?? 200)
const serverDescription = 'Temporal server 1.32.2 built from source, PostgreSQL persistence (embedded PostgreSQL 18, 4 history shards)'

const verbose = process.env.CLUSTER_LOG === 'all'
const log = (name: string, line: string) => {
  if (verbose || /"level":(50|60)|error/i.test(line)) console.log(`[${name}] ${line.slice(0, 400)}`)
}

/** Runs the journey bench (its own process, its own worker) against the cluster's Temporal server. */
function journeyBench(address: string): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../journeys.ts', import.meta.url))], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: address,
      BENCH_SECTION: 'Journeys on the Temporal server with PostgreSQL',
      BENCH_SERVER: `the ${serverDescription}`,
    },
    stdio: 'inherit',
  })
  return new Promise((resolve) => child.once('exit', resolve))
}

function section(title: string, intro: string, rows: Array<[string, string]>, passed: boolean, loadStart: number): string {
  return [
    `## ${title}`,
    '',
    intro,
    '',
    '| measure | value |',
    '| --- | --- |',
    ...rows.map(([measure, value]) => `| ${measure} | ${value} |`),
    `| machine load (1-min average) at start and end | ${loadStart.toFixed(2)} and ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores |`,
    `| result | ${passed ? 'pass' : 'miss'} |`,
    '',
  ].join('\n')
}

const stack = await startClusterStack(log)
const failures: string[] = []
try {
  console.log(`Temporal server on PostgreSQL at ${stack.temporal.address}`)
  if (scenarios.includes('bench') && (await journeyBench(stack.temporal.address)) !== 0) failures.push('bench')
  const apis = [await stack.startApi('api-1'), await stack.startApi('api-2')]
  const apiUrls = apis.map((api) => api.url)
  const run = `\`scripts/cluster.sh\` (apps/worker/bench/cluster), run ${new Date().toISOString().slice(0, 10)} on ${cpus().length} cores, everything on this machine: the ${serverDescription}; two API processes and the worker processes as production runs them (\`src/main.ts\`), Klaviyo a local fake that follows its published spec and keeps one event per unique id as Klaviyo does.`
  if (scenarios.includes('crash')) {
    const loadStart = loadavg()[0]!
    const result = await twoWorkersOneKilled(stack, apiUrls, journeys, 4)
    if (!result.passed) failures.push('crash')
    const text = section(
      'Two workers, one killed (Temporal server on PostgreSQL)',
      `${run} Two workers share the task queue; worker-a is SIGKILLed at a random moment after each quarter of the emails and restarted, worker-b runs throughout.`,
      result.rows,
      result.passed,
      loadStart,
    )
    console.log(text)
    await writeBenchmarkSection('Two workers, one killed (Temporal server on PostgreSQL)', text)
  }
  if (scenarios.includes('deploy')) {
    const loadStart = loadavg()[0]!
    const result = await rollingDeploy(stack, apiUrls, previousRelease!, Math.round(journeys / 2))
    if (!result.passed) failures.push('deploy')
    const text = section(
      'Rolling deploy (Temporal server on PostgreSQL)',
      `${run} The previous release (\`CROSSWISE_PREVIOUS_RELEASE\`, a checkout of the commit before \`journey-quiet-stages\`, whose journeys carry the \`journey-fewer-tasks\` marker) runs two workers; this release's worker joins them mid-flight and the old ones stop.`,
      result.rows,
      result.passed,
      loadStart,
    )
    console.log(text)
    await writeBenchmarkSection('Rolling deploy (Temporal server on PostgreSQL)', text)
  }
} catch (error) {
  // Printed before the stack stops: calls still retrying against it would otherwise end the process first.
  console.error(error)
  failures.push('a scenario failed')
} finally {
  await stack.stop()
}
if (failures.length > 0) {
  console.error(`missed: ${failures.join(', ')}`)
  process.exitCode = 1
}
