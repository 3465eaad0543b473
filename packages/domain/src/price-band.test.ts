import { describe, expect, it } from 'vitest'
import { segmentPriceBandsSchema } from './price-band.ts'

const paths = (input: unknown) => segmentPriceBandsSchema.safeParse(input).error?.issues.map((issue) => issue.path.join('.'))

describe('segment price bands', () => {
  it('keeps bands as decimal strings, either end optional', () => {
    expect(segmentPriceBandsSchema.parse({ 'first-time': { max: 30 }, vip: { min: ' 50.00 ' }, repeat: {} })).toEqual({
      'first-time': { max: '30' },
      vip: { min: '50.00' },
      repeat: {},
    })
    expect(segmentPriceBandsSchema.parse({ repeat: { min: '9.99', max: '9.99' } })).toEqual({ repeat: { min: '9.99', max: '9.99' } })
  })

  it('refuses a negative or malformed price, a max below min and unknown segments or fields', () => {
    expect(paths({ vip: { min: '-1' } })).toEqual(['vip.min'])
    expect(paths({ repeat: { max: 'lots' } })).toEqual(['repeat.max'])
    expect(paths({ vip: { min: 'lots', max: 1 } })).toEqual(['vip.min'])
    expect(paths({ 'first-time': { min: '30', max: '29.99' } })).toEqual(['first-time.max'])
    expect(paths({ gold: { max: 1 } })).toEqual([''])
    expect(paths({ vip: { maximum: 1 } })).toEqual(['vip'])
  })
})
