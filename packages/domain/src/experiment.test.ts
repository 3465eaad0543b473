import { describe, expect, it } from 'vitest'
import { assignVariant, experimentSchema } from './experiment.ts'
import { isHeldOut } from './holdout.ts'

const experiment = experimentSchema.parse({
  id: 'offer-test',
  name: 'Discount or not',
  variants: [{ id: 'control' }, { id: 'ten-off', offer: { kind: 'code', code: 'PAIR10', percentOff: 10 } }],
})

describe('experiments', () => {
  it('puts each customer in one variant for good, in about equal shares', () => {
    const customers = Array.from({ length: 20_000 }, (_, index) => `customer-${index}`)
    expect(assignVariant(experiment, 'customer-7')).toBe(assignVariant(experiment, 'customer-7'))
    const treated = customers.filter((customer) => assignVariant(experiment, customer).id === 'ten-off').length
    // Binomial(20 000, 0.5): 5 standard deviations are ±354.
    expect(Math.abs(treated - 10_000)).toBeLessThan(354)
  })

  it('assigns independently of the holdout, so every variant holds the same share of held-out customers', () => {
    const customers = Array.from({ length: 20_000 }, (_, index) => `c${index}`)
    const heldOut = customers.filter((customer) => isHeldOut('shop', customer, 0.2))
    const treatedShare = (group: string[]) =>
      group.filter((customer) => assignVariant(experiment, customer).id === 'ten-off').length / group.length
    // About 4 000 held out: the share's standard deviation is under 0.008.
    expect(Math.abs(treatedShare(heldOut) - 0.5)).toBeLessThan(0.04)
  })

  it('refuses fewer than two variants and repeated variant ids, naming the field', () => {
    expect(experimentSchema.safeParse({ id: 'x', name: 'X', variants: [{ id: 'a' }] }).error?.issues[0]?.path).toEqual(['variants'])
    expect(experimentSchema.safeParse({ id: 'x', name: 'X', variants: [{ id: 'a' }, { id: 'a' }] }).error?.issues[0]?.message).toBe(
      'variant ids must differ',
    )
  })
})
