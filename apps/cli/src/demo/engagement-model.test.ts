import { seededRandom } from '@crosswise/domain'
import { describe, expect, it } from 'vitest'
import { drawReactions } from './engagement-model.ts'

describe('drawReactions', () => {
  it('opens, clicks and buys at the given rates, each step after the one before', () => {
    const random = seededRandom(1)
    const draws = Array.from({ length: 20_000 }, () => drawReactions(random, { opened: 0.5, clicked: 0.4, purchased: 0.25 }))
    const share = (kind: string) => draws.filter((reactions) => reactions.some((reaction) => reaction.kind === kind)).length / draws.length
    expect(share('opened')).toBeCloseTo(0.5, 1)
    expect(share('clicked')).toBeCloseTo(0.2, 1)
    expect(share('purchased')).toBeCloseTo(0.05, 1)
    for (const reactions of draws) {
      expect(reactions.map((reaction) => reaction.kind)).toEqual(['opened', 'clicked', 'purchased'].slice(0, reactions.length))
      const times = reactions.map((reaction) => reaction.afterDays)
      expect(times).toEqual([...times].sort((a, b) => a - b))
    }
  })

  it('never reacts when nobody opens', () => {
    expect(drawReactions(seededRandom(2), { opened: 0, clicked: 1, purchased: 1 })).toEqual([])
  })
})
