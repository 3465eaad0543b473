import { z } from 'zod'

/** A platform identifier. Shopify ids exceed 2^53, so numbers are accepted only when exact. */
export const platformIdSchema = z
  .union([z.string(), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, 'must not be empty').max(255))
