import { describe, expect, it } from 'vitest'
import { ItemIndex } from '../mining/item-index.ts'
import type { PairingModel } from '../mining/pairing-model.ts'
import { ItemMarks } from './item-marks.ts'

const model = { products: ItemIndex.of(['a', 'b', 'c', 'd']) } as PairingModel

describe('ItemMarks', () => {
  it('holds the items added since the last start, each once', () => {
    const marks = ItemMarks.start(model)
    expect(marks.add(2)).toBe(true)
    expect(marks.add(2)).toBe(false)
    expect(marks.has(2)).toBe(true)
    expect(marks.has(1)).toBe(false)
  })

  it('starts empty for the next request without clearing', () => {
    ItemMarks.start(model).add(3)
    const next = ItemMarks.start(model)
    expect(next.has(3)).toBe(false)
    expect(next.add(3)).toBe(true)
  })
})
