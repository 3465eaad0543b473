import { z } from 'zod'
import { decimalToUnits, moneySchema } from './money.ts'

const priceSchema = moneySchema

/**
 * The prices a segment may be recommended, inclusive, as decimal strings in major units like the
 * catalogue's; a missing end is open.
 */
export const priceBandSchema = z
  .strictObject({ min: priceSchema.optional(), max: priceSchema.optional() })
  .refine(({ min, max }) => min === undefined || max === undefined || decimalToUnits(min) <= decimalToUnits(max), {
    message: 'must not be below min',
    path: ['max'],
    // Only once both ends are valid prices.
    when: ({ issues }) => issues.length === 0,
  })

/** A store's price band per segment, e.g. premium picks for VIPs only; a segment without one has no limit. */
export const segmentPriceBandsSchema = z.strictObject({
  'first-time': priceBandSchema.optional(),
  repeat: priceBandSchema.optional(),
  vip: priceBandSchema.optional(),
})
export type SegmentPriceBands = z.infer<typeof segmentPriceBandsSchema>
