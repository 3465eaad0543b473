import { vi } from 'vitest'

/** Runs a command, returning its exit code and what it printed on stdout and stderr. */
export async function capture(run: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true))
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true))
  try {
    return { code: await run(), out, err }
  } finally {
    stdout.mockRestore()
    stderr.mockRestore()
  }
}
