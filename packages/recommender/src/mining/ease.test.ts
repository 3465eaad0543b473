import { describe, expect, it } from 'vitest'
import { BasketsBuilder } from './baskets.ts'
import { fitEase } from './ease.ts'

/** B = I − P/diag(P), P = (G + λI)⁻¹, by textbook Gauss-Jordan (no pivoting: the matrix is positive definite). */
function naiveEase(gram: number[][], lambda: number): number[][] {
  const n = gram.length
  const a = gram.map((row, i) => [...row.map((value, j) => value + (i === j ? lambda : 0)), ...row.map((_, j) => (i === j ? 1 : 0))])
  for (let p = 0; p < n; p++) {
    const pivot = a[p]![p]!
    a[p] = a[p]!.map((value) => value / pivot)
    for (let r = 0; r < n; r++) if (r !== p) a[r] = a[r]!.map((value, c) => value - a[r]![p]! * a[p]![c]!)
  }
  const inverse = a.map((row) => row.slice(n))
  return inverse.map((row, i) => row.map((value, j) => (i === j ? 0 : -value / inverse[j]![j]!)))
}

describe('fitEase', () => {
  const orders = [
    [0, 1],
    [0, 1, 2],
    [1, 2],
    [2, 3],
    [0, 3],
    [0, 1, 3],
  ]
  const builder = new BasketsBuilder()
  orders.forEach((items, index) => builder.add(index, index, items))
  const baskets = builder.build()
  const gram = Array.from({ length: 4 }, (_, i) =>
    Array.from({ length: 4 }, (_, j) => orders.filter((o) => o.includes(i) && o.includes(j)).length),
  )

  it('matches the closed form B = I − P / diag(P), with a zero diagonal', () => {
    const expected = naiveEase(gram, 2)
    const ease = fitEase(baskets, 2)
    for (let item = 0; item < 4; item++) {
      const row = new Map<number, number>()
      for (let position = ease.offsets[item]!; position < ease.offsets[item + 1]!; position++) {
        row.set(ease.partners[position]!, ease.scores[position]!)
      }
      expect(row.has(item)).toBe(false)
      for (let partner = 0; partner < 4; partner++) {
        if (partner !== item) expect(row.get(partner) ?? 0).toBeCloseTo(expected[item]![partner]!, 5)
      }
    }
  })

  it('keeps the weights of largest magnitude, negative ones included', () => {
    const expected = naiveEase(gram, 2)
    const ease = fitEase(baskets, 2, 1)
    for (let item = 0; item < 4; item++) {
      const strongest = Math.max(...expected[item]!.map(Math.abs))
      expect(ease.offsets[item + 1]! - ease.offsets[item]!).toBe(1)
      expect(Math.abs(ease.scores[ease.offsets[item]!]!)).toBeCloseTo(strongest, 5)
    }
  })

  it('refuses catalogues too large for a dense fit', () => {
    expect(() => fitEase(new BasketsBuilder().build({ itemCount: 5_001 }), 1)).toThrow(/limit is 5000/)
  })
})
