import { seededRandom } from '@crosswise/domain'
import { describe, expect, it } from 'vitest'
import { reviewPairings, type ReviewedPairing } from './pairing-review.ts'

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
    const random = seededRandom(707)
    let duds = 0
    let dudsRetired = 0
    let goodRetired = 0
    for (let store = 0; store < 200; store++) {
      const pairings: Array<ReviewedPairing & { dud: boolean }> = Array.from({ length: 20 }, (_, index) => {
        const dud = index < 3
        // Good pairings convert 2–6 %; duds never do. A month brings 600–1,500 sends each.
        const rate = dud ? 0 : 0.02 + 0.04 * random()
        const sends = 600 + Math.floor(900 * random())
        let conversions = 0
        for (let send = 0; send < sends; send++) if (random() < rate) conversions++
        return { pairingId: `mined:t:${index}`, source: 'mined', sends, conversions, dud }
      })
      const verdicts = reviewPairings(pairings)
      for (const [index, pairing] of pairings.entries()) {
        const retired = verdicts[index]!.verdict === 'retire'
        if (pairing.dud) {
          duds++
          if (retired) dudsRetired++
        } else if (retired) goodRetired++
      }
    }
    expect(dudsRetired).toBe(duds)
    expect(goodRetired).toBe(0)
  })
})
