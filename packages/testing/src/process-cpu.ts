import { existsSync, readdirSync, readFileSync } from 'node:fs'

/** CPU seconds (user + system) used so far, by role and process id. */
export type CpuByRole = Map<string, Map<number, number>>

/** Names the role of a process from its pid and command name, or undefined to leave it out. */
export type RoleOf = (pid: number, name: string) => string | undefined

const ticksPerSecond = 100

/**
 * Reads what each role has used from /proc (Linux; elsewhere an empty map). A role may span many
 * processes: every process named `postgres` is PostgreSQL, so the backends a pool opened are counted
 * wherever they run.
 */
export function cpuByRole(roleOf: RoleOf): CpuByRole {
  const used: CpuByRole = new Map()
  if (!existsSync('/proc/self/stat')) return used
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    } catch {
      continue // the process ended while we looked
    }
    const role = roleOf(Number(pid), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')))
    if (!role) continue
    // Fields after the name: state is the 1st, utime the 12th and stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const processes = used.get(role) ?? new Map<number, number>()
    processes.set(Number(pid), (Number(fields[11]) + Number(fields[12])) / ticksPerSecond)
    used.set(role, processes)
  }
  return used
}

/**
 * What each role used between two readings, in milliseconds of CPU per item: by process, so one that
 * ended in between (a PostgreSQL autovacuum worker, say) takes nothing away; what it used is lost.
 */
export function cpuPerItem(before: CpuByRole, after: CpuByRole, items: number): Array<[string, number]> {
  return [...after].map(([role, processes]) => {
    let seconds = 0
    for (const [pid, used] of processes) seconds += used - (before.get(role)?.get(pid) ?? 0)
    return [role, (seconds * 1000) / items]
  })
}
