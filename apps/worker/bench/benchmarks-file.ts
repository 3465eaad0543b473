import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { workspaceRoot } from '@crosswise/config'

/** Replaces the `## {title}` section of BENCHMARKS.md with `section` (which starts with that heading), or appends it. */
export async function writeBenchmarkSection(title: string, section: string): Promise<void> {
  const file = join(workspaceRoot(), 'BENCHMARKS.md')
  const current = await readFile(file, 'utf8').catch(() => '# Benchmarks\n')
  const start = current.indexOf(`## ${title}\n`)
  const end = start < 0 ? -1 : current.indexOf('\n## ', start + 1)
  const following = end < 0 ? '' : `\n${current.slice(end + 1)}`
  const updated = start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section.trimEnd()}\n${following}`
  await writeFile(file, updated)
}
