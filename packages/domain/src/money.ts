import { z } from 'zod'

/**
 * A money amount as a decimal string in major units ("19.90"): never negative (prices, totals and
 * refunds are amounts, not movements) and below ten billion, so sums and rounding to cents stay inside
 * PostgreSQL's `numeric(16, 4)`. Never a float: platform amounts are strings.
 */
export const moneySchema = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim()))
  .pipe(z.string().regex(/^\d{1,10}(\.\d{1,4})?$/, 'must be an amount such as "19.90": not negative, below 10,000,000,000'))

// The codes ICU knows: ISO 4217's list as this Node ships it.
const knownCurrencies = new Set(Intl.supportedValuesOf('currency'))

/** ISO 4217 currency code, upper case; one no ISO list has is refused. */
export const currencySchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .pipe(
    z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code')
      .refine((code) => knownCurrencies.has(code), 'is not an ISO 4217 currency code'),
  )

/** Ten-thousandths of a major unit: the exact integer form of a `moneySchema` amount. */
const scale = 10_000n

/**
 * A decimal amount ("19.9", "-3.0001") as an exact integer of ten-thousandths, so sums and
 * comparisons of money never touch floating point.
 */
export function decimalToUnits(amount: string): bigint {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.')
  const magnitude = BigInt(whole || '0') * scale + BigInt(fraction.slice(0, 4).padEnd(4, '0'))
  return amount.startsWith('-') ? -magnitude : magnitude
}

/** Ten-thousandths back to a decimal string rounded half up to cents ("12.50"). */
export function unitsToDecimal(units: bigint): string {
  const negative = units < 0n
  const abs = negative ? -units : units
  const cents = (abs + 50n) / 100n
  const text = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`
  return negative ? `-${text}` : text
}
