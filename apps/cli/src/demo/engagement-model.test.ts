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
    const inOrder = (reactions: ReturnType<typeof drawReactions>) =>
      reactions.every(
        (reaction, index) =>
          reaction.kind === ['opened', 'clicked', 'purchased'][index] &&
          (index === 0 || reaction.afterDays >= reactions[index - 1]!.afterDays),
      )
    expect(draws.filter((reactions) => !inOrder(reactions))).toEqual([])
  })

  it('never reacts when nobody opens', () => {
    expect(drawReactions(seededRandom(2), { opened: 0, clicked: 1, purchased: 1 })).toEqual([])
  })
})
