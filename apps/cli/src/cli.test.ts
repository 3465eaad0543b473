import { afterEach, describe, expect, it, vi } from 'vitest'
import { main } from './cli.ts'
import { commands } from './commands/index.ts'

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true))
  return { code: await main(argv), out, err }
}

describe('crosswise <command> --help', () => {
  afterEach(() => vi.restoreAllMocks())

  it.each(commands.map((command) => [command.name, command]))('%s prints its usage and options and exits 0, without running', async (name, command) => {
    const runs = vi.spyOn(command, 'run')
    for (const argv of [[name, '--help'], [name, '-h']]) {
      const { code, out, err } = await run(argv)
      expect({ code, err }).toEqual({ code: 0, err: '' })
      expect(out).toMatch(new RegExp(`^Usage: crosswise ${name}\\b`))
      expect(out).toContain(command.summary)
      for (const option of [...Object.keys(command.options), '-h, --help']) expect(out).toContain(option)
    }
    expect(runs).not.toHaveBeenCalled()
  })

  it('answers after a subcommand and other arguments too, but not after --', async () => {
    expect((await run(['klaviyo', 'setup', '--help'])).out).toContain('Usage: crosswise klaviyo setup')
    const imports = await run(['import', 'products', 'catalogue.csv', '-h'])
    expect(imports.code).toBe(0)
    expect(imports.out).toMatch(/^Usage: crosswise import orders FILE .*\n {7}crosswise import products FILE .*--url-template TEMPLATE/)
    const literal = await run(['import', 'orders', '--', '--help'])
    expect(literal.code).toBe(2)
    expect(literal.err).toContain('crosswise import: ')
  })

  it('lists every command and points at their help', async () => {
    const { code, out } = await run(['--help'])
    expect(code).toBe(0)
    for (const command of commands) expect(out).toContain(`  ${command.name}`)
    expect(out).toContain('Each command answers --help.')
  })
})
