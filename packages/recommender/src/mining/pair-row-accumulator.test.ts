import { describe, expect, it } from 'vitest'
import { PairRowAccumulator } from './pair-row-accumulator.ts'

describe('PairRowAccumulator', () => {
  it('keeps, under a partner limit, exactly the head of the full row', () => {
    let seed = 3
    const next = (below: number) => Math.floor(((seed = (seed * 48271) % 2147483647) / 2147483647) * below)
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + next(200)
      const limit = 1 + next(30)
      const full = new PairRowAccumulator(n)
      const limited = new PairRowAccumulator(n, { maxPartners: limit })
      for (let row = 0; row < n; row++) {
        for (let event = next(150); event > 0; event--) {
          const partner = next(n)
          if (partner === row) continue
          full.add(partner)
          limited.add(partner)
        }
        full.endRow()
        limited.endRow()
      }
      const totals = { rowTotals: new Uint32Array(n).fill(1), partnerTotals: new Uint32Array(n).fill(1), eventCount: 1 }
      const [all, head] = [full.finish(totals), limited.finish(totals)]
      for (let row = 0; row < n; row++) {
        const expected = Array.from(all.partners.subarray(all.offsets[row], all.offsets[row + 1])).slice(0, limit)
        expect(Array.from(head.partners.subarray(head.offsets[row], head.offsets[row + 1]))).toEqual(expected)
      }
    }
  })

  it('orders a row by count, then by partner number', () => {
    const accumulator = new PairRowAccumulator(4)
    for (const partner of [3, 1, 3, 2, 1, 0]) accumulator.add(partner)
    for (let row = 0; row < 4; row++) accumulator.endRow()
    const pairs = accumulator.finish({ rowTotals: Uint32Array.of(1, 4, 1, 4), partnerTotals: Uint32Array.of(1, 4, 1, 4), eventCount: 6 })
    expect(Array.from(pairs.partners.subarray(0, pairs.offsets[1]))).toEqual([1, 3, 0, 2])
    expect(Array.from(pairs.counts.subarray(0, pairs.offsets[1]))).toEqual([2, 2, 1, 1])
  })
})
