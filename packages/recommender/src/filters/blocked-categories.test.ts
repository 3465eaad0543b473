import { describe, expect, it } from 'vitest'
import { blockedCategories } from './blocked-categories.ts'

describe('blockedCategories', () => {
  it('blocks the other side of every incompatible pair the order touches, in either direction', () => {
    const pairs = [
      ['Pet food', 'Baby'],
      ['Wine', 'Baby'],
      ['Garden', 'Kitchen'],
    ] as const
    expect(blockedCategories(['Baby'], pairs)).toEqual(new Set(['Pet food', 'Wine']))
    expect(blockedCategories(['Pet food', undefined], pairs)).toEqual(new Set(['Baby']))
    expect(blockedCategories(['Books'], pairs)).toEqual(new Set())
    expect(blockedCategories(['Baby'])).toEqual(new Set())
  })
})
