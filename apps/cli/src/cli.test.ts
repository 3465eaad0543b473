import { describe, expect, it } from 'vitest'
import { capture } from '../test/capture-output.ts'
import { runCli } from './cli.ts'
import { commands } from './commands/index.ts'

describe('crosswise --help', () => {
  it.each(commands.map((command) => command.name))('`crosswise %s --help` prints its usage and options and exits 0', async (name) => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await capture(() => runCli([name, flag]))
      expect({ code, err }).toEqual({ code: 0, err: '' })
      expect(out).toContain(`Usage: crosswise ${name}`)
      expect(out).toContain('Options:')
    }
  })

  it('lists every command and says how to get a command’s help', async () => {
    const { code, out } = await capture(() => runCli(['help']))
    expect(code).toBe(0)
    for (const command of commands) expect(out).toContain(command.name)
    expect(out).toContain('crosswise <command> --help')
  })

  it('still refuses an unknown option with the usage and exit code 2', async () => {
    const { code, err } = await capture(() => runCli(['mine', '--nonsense']))
    expect(code).toBe(2)
    expect(err).toContain('Usage: crosswise mine')
  })
})
