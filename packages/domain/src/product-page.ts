import { z } from 'zod'

const placeholders = ['{handle}', '{id}'] as const

/**
 * A store's product page address with `{handle}` and/or `{id}` in it, e.g.
 * `https://shop.example.com/products/{handle}`: how a product without its own URL gets a page to link
 * to. Must be an http(s) URL and name at least one placeholder; other `{…}` parts are refused as typos.
 */
export const productUrlTemplateSchema = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }))
  .refine((template) => placeholders.some((placeholder) => template.includes(placeholder)), 'must contain {handle} or {id}')
  .refine(
    (template) => !/\{[^}]*\}/.test(placeholders.reduce((rest, placeholder) => rest.replaceAll(placeholder, ''), template)),
    'knows only the placeholders {handle} and {id}',
  )

/** A product's URL handle (Shopify's `handle`, the last part of its page address). */
export const productHandleSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(255)
  .regex(/^[^/?#\s]+$/, 'must be a URL handle (no spaces, "/", "?" or "#")')
