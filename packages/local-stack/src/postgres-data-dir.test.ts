import { describe, expect, it } from 'vitest'
import { choosePostgresDataDir, type DataDirFacts } from './postgres-data-dir.ts'

const facts: DataDirFacts = {
  configured: '/tmp/tmp.Ab12/crosswise/.data/postgres',
  runsAsOtherUser: true,
  blockedAboveConfigured: '/tmp/tmp.Ab12',
  tempDir: '/tmp',
  blockedAboveTemp: undefined,
}

describe('choosePostgresDataDir', () => {
  it('keeps the configured folder when the server can reach it, or runs as this user', () => {
    expect(choosePostgresDataDir({ ...facts, blockedAboveConfigured: undefined })).toEqual({ dataDir: facts.configured })
    expect(choosePostgresDataDir({ ...facts, runsAsOtherUser: false })).toEqual({ dataDir: facts.configured })
  })

  it('moves a blocked one to the temp folder, the same place on every run and one per checkout', () => {
    const choice = choosePostgresDataDir(facts)
    expect(choice).toEqual({ dataDir: expect.stringMatching(/^\/tmp\/crosswise-postgres-data-[0-9a-f]{16}$/), movedBecause: "the 'postgres' user cannot enter /tmp/tmp.Ab12" })
    expect(choosePostgresDataDir({ ...facts })).toEqual(choice)
    expect(choosePostgresDataDir({ ...facts, configured: '/tmp/tmp.Ab12/crosswise/.data/../.data/postgres' })).toEqual(choice)
    const other = choosePostgresDataDir({ ...facts, configured: '/tmp/tmp.Cd34/crosswise/.data/postgres', blockedAboveConfigured: '/tmp/tmp.Cd34' })
    expect('dataDir' in other && other.dataDir).not.toBe('dataDir' in choice && choice.dataDir)
  })

  it('says what to do when the temp folder is out of reach too', () => {
    expect(choosePostgresDataDir({ ...facts, tempDir: '/root/tmp', blockedAboveTemp: '/root' })).toEqual({
      error: expect.stringContaining("can enter neither /tmp/tmp.Ab12 nor /root (TMPDIR). Set CROSSWISE_DATA_DIR"),
    })
  })
})
