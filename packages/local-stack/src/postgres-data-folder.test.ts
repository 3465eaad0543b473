import { describe, expect, it } from 'vitest'
import { postgresDataFolder, type DataFolderFacts } from './postgres-data-folder.ts'

const facts = (overrides: Partial<DataFolderFacts> = {}): DataFolderFacts => ({
  runsAsOtherUser: true,
  blockedFolder: (path) => (path.startsWith('/tmp/tmp.private/') ? '/tmp/tmp.private' : undefined),
  hasCluster: () => false,
  tempDir: '/tmp',
  ...overrides,
})

describe('postgresDataFolder', () => {
  it('keeps the wanted folder when the server user can reach it, or when we are that user', () => {
    expect(postgresDataFolder('/srv/shop/.data/postgres', facts())).toEqual({ dataDir: '/srv/shop/.data/postgres' })
    expect(postgresDataFolder('/tmp/tmp.private/repo/.data/postgres', facts({ runsAsOtherUser: false }))).toEqual({
      dataDir: '/tmp/tmp.private/repo/.data/postgres',
    })
  })

  it('moves below the temp folder when a private folder is in the way, the same folder on every start', () => {
    const first = postgresDataFolder('/tmp/tmp.private/repo/.data/postgres', facts())
    expect(first.movedBecause).toBe('/tmp/tmp.private')
    expect(first.dataDir).toMatch(/^\/tmp\/crosswise-postgres-data-[0-9a-f]{16}$/)
    expect(postgresDataFolder('/tmp/tmp.private/repo/.data/postgres', facts())).toEqual(first)
    expect(postgresDataFolder('/tmp/tmp.private/other/.data/postgres', facts()).dataDir).not.toBe(first.dataDir)
  })

  it('keeps a folder that already holds a cluster', () => {
    expect(postgresDataFolder('/tmp/tmp.private/repo/.data/postgres', facts({ hasCluster: () => true }))).toEqual({
      dataDir: '/tmp/tmp.private/repo/.data/postgres',
    })
  })
})
