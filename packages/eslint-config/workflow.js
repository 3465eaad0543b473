// The workflow fence: code under packages/journeys runs inside Temporal's deterministic sandbox, so it
// may not reach Node built-ins, our I/O adapters or wall-clock/random APIs.
import base from './base.js'

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
]

/** The fence for workflow code under `root` (a folder glob, default the package's own `src`). */
export function workflowFence(root = 'src') {
  return {
    files: [`${root}/**/*.ts`],
    ignores: [`${root}/**/*.test.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .flatMap((name) => [name, `node:${name}`])
            .map((name) => ({
              name,
              message: 'Workflow code is deterministic: no Node APIs. Do this in an activity.',
            })),
          patterns: [
            {
              group: [
                '@crosswise/db',
                '@crosswise/klaviyo',
                '@crosswise/config',
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
                'pg',
                'kysely',
              ],
              message: 'Workflow code may import only @crosswise/domain and @temporalio/workflow.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use sleep() from @temporalio/workflow.' },
        { name: 'fetch', message: 'I/O belongs in an activity.' },
        { name: 'process', message: 'Workflow code must not read the environment.' },
      ],
    },
  }
}

export default [...base, workflowFence()]
