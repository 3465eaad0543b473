import { describe, expect, it } from 'vitest'
import { seededRandom } from './seeded-random.ts'

describe('seededRandom', () => {
  it('draws the same numbers in [0, 1) for the same seed, others for another', () => {
    const draws = (seed: number) => Array.from({ length: 1_000 }, seededRandom(seed))
    expect(draws(7)).toEqual(draws(7))
    expect(draws(7)).not.toEqual(draws(8))
    expect(draws(7).every((value) => value >= 0 && value < 1)).toBe(true)
    const mean = draws(7).reduce((sum, value) => sum + value, 0) / 1_000
    expect(mean).toBeGreaterThan(0.45)
    expect(mean).toBeLessThan(0.55)
  })
})
