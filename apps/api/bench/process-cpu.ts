import { existsSync, readdirSync, readFileSync } from 'node:fs'

/** CPU seconds (user + system) used so far, by role: the API process, PostgreSQL's processes, this process. */
export type CpuByRole = Map<'api' | 'postgres' | 'load generator', number>

const ticksPerSecond = 100

/**
 * Reads what each role has used from /proc (Linux; elsewhere an empty map). PostgreSQL is every
 * process named `postgres`, so the backends the API's pool opened are counted wherever they run.
 */
export function cpuByRole(apiPid: number | undefined): CpuByRole {
  const used: CpuByRole = new Map()
  if (!existsSync('/proc/self/stat')) return used
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue // the process ended while we looked
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    const role =
      Number(pid) === process.pid ? 'load generator' : Number(pid) === apiPid ? 'api' : name === 'postgres' ? 'postgres' : undefined
    if (!role) continue
    // Fields after the name: state is the 1st, utime the 12th and stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    used.set(role, (used.get(role) ?? 0) + (Number(fields[11]) + Number(fields[12])) / ticksPerSecond)
  }
  return used
}

/** What each role used between two readings, in milliseconds of CPU per item. */
export function cpuPerItem(before: CpuByRole, after: CpuByRole, items: number): Array<[string, number]> {
  return [...after].map(([role, seconds]) => [role, ((seconds - (before.get(role) ?? 0)) * 1000) / items])
}
