import { describe, expect, it } from 'vitest'
import { reviewPairings } from './pairing-review.ts'
import { reviewOfPlantedDuds } from './planted-truths.ts'

describe('reviewPairings', () => {
  it('retires an unconverting mined pairing, flags a manual one, keeps good ones and waits on small ones', () => {
    const verdicts = reviewPairings([
      { pairingId: 'mined:a:b', source: 'mined', sends: 900, conversions: 30 },
      { pairingId: 'mined:a:c', source: 'mined', sends: 800, conversions: 0 },
      { pairingId: 'manual:a:d', source: 'manual', sends: 700, conversions: 0 },
      { pairingId: 'best-seller:x:e', source: 'best-seller', sends: 120, conversions: 0 },
    ])
    expect(verdicts.map((entry) => [entry.pairingId, entry.verdict])).toEqual([
      ['mined:a:b', 'keep'],
      ['mined:a:c', 'retire'],
      ['manual:a:d', 'flag'],
      ['best-seller:x:e', 'collecting'],
    ])
    expect(verdicts[1]!.reason).toMatch(/under half its peers'|below the store's floor/)
    expect(verdicts[2]!.reason).toContain('the store decides')
  })

  it('over 200 simulated stores, retires every planted dud and no good pairing', () => {
    const { duds, dudsRetired, goodRetired } = reviewOfPlantedDuds(200)
    expect(dudsRetired).toBe(duds)
    expect(goodRetired).toBe(0)
  }, 60_000)
})
