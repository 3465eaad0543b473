import { describe, expect, it } from 'vitest'
import { AccountLookup } from './account-lookup.ts'

describe('AccountLookup', () => {
  it('lists metrics once for many lookups and concurrent callers', async () => {
    let loads = 0
    const cache = new AccountLookup(async () => {
      loads += 1
      return new Map([
        ['Opened Email', 'M1'],
        ['Clicked Email', 'M2'],
      ])
    })
    const ids = await Promise.all([cache.get('Opened Email'), cache.get('Clicked Email'), cache.get('Opened Email')])
    expect(ids).toEqual(['M1', 'M2', 'M1'])
    expect(loads).toBe(1)
  })

  it('reloads a missing name only after the miss interval, and everything after the TTL', async () => {
    let now = 0
    let loads = 0
    const cache = new AccountLookup(
      async () => {
        loads += 1
        return loads === 1
          ? new Map([['Opened Email', 'M1']])
          : new Map([
              ['Opened Email', 'M1'],
              ['Clicked Email', 'M2'],
            ])
      },
      { ttlMs: 10_000, missTtlMs: 1_000, now: () => now },
    )
    expect(await cache.get('Clicked Email')).toBeUndefined()
    now = 500
    expect(await cache.get('Clicked Email')).toBeUndefined()
    now = 1_500
    expect(await cache.get('Clicked Email')).toBe('M2')
    expect(loads).toBe(2)
    now = 20_000
    await cache.get('Opened Email')
    expect(loads).toBe(3)
  })
})
