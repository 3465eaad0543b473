import { z } from 'zod'

/**
 * A money amount as a decimal string in major units ("19.90"). Never a float: platform amounts are
 * strings and PostgreSQL stores them as `numeric`.
 */
export const moneySchema = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim()))
  .pipe(z.string().regex(/^-?\d{1,12}(\.\d{1,4})?$/, 'must be a decimal amount such as "19.90"'))

/** ISO 4217 currency code, upper case. */
export const currencySchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code'))
