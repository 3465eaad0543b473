import { emailSchema, isWithinEra, platformIdSchema } from '@crosswise/domain'
import { z } from 'zod'

/** A Shopify id: a JSON number (exact up to 2^53) or the string our parser made of a larger one. */
export const shopifyIdSchema = platformIdSchema

/** Shopify timestamps carry the shop's offset, e.g. `2026-11-20T10:00:00-05:00`; between 1970 and 2100. */
export const shopifyTimeSchema = z.iso
  .datetime({ offset: true, error: 'must be an ISO 8601 date-time' })
  .transform((value) => new Date(value))
  .refine(isWithinEra, 'must be between 1970 and 2100')

/** Shopify sends `""` or null where a customer left no email. */
export const optionalEmailSchema = z.preprocess((value) => (value === '' ? undefined : value), emailSchema.nullish())

/** Blank strings and nulls mean "not given". */
export const optionalTextSchema = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z.string().trim().max(500).nullish(),
)
