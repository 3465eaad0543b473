// Pre-bundles the workflow code for production images, so a worker starts without webpack.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { bundleWorkflowCode } from '@temporalio/worker'
import { workflowsPath } from '@crosswise/engine'

const output = resolve(process.argv[2] ?? 'dist/workflow-bundle.js')
const { code } = await bundleWorkflowCode({ workflowsPath })
await mkdir(dirname(output), { recursive: true })
await writeFile(output, code)
console.log(`workflow bundle written to ${output} (${(code.length / 1024).toFixed(0)} KiB)`)
