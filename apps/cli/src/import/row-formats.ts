import { currencySchema, emailSchema, platformIdSchema, moneySchema } from '@crosswise/domain'
import { z } from 'zod'
import { columnIndex, firstIssue, optionalText as optional } from './csv-fields.ts'

/** One order line of a history file, checked and normalised. */
export interface HistoryRow {
  orderId: string
  customerId?: string
  email?: string
  productId: string
  title: string
  category?: string
  quantity: number
  unitPrice: string
  currency: string
  placedAt: Date
}

/** A row's fate: an order line, or the reason it was rejected. */
export type RowResult = { row: HistoryRow } | { rejected: string }

/** A history file layout: which header it has and how a line becomes an order line. */
export interface RowFormat {
  name: 'online-retail' | 'generic'
  /** Reads the header line; returns the row reader, or throws a message naming what is missing. */
  open(header: string[]): (fields: string[]) => RowResult
}

const quantitySchema = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .positive('must be positive (returns and cancellations are not orders)')
const timeSchema = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).transform((value) => new Date(value))

const onlineRetailColumns = ['invoiceno', 'stockcode', 'description', 'quantity', 'invoicedate', 'unitprice', 'customerid'] as const
const onlineRetailNames = {
  orderId: 'InvoiceNo',
  customerId: 'CustomerID',
  productId: 'StockCode',
  title: 'Description',
  quantity: 'Quantity',
  unitPrice: 'UnitPrice',
  placedAt: 'InvoiceDate',
}
const onlineRetailSchema = z.object({
  orderId: platformIdSchema,
  customerId: platformIdSchema,
  productId: platformIdSchema,
  title: z.string().max(500),
  quantity: quantitySchema,
  unitPrice: moneySchema,
  placedAt: timeSchema,
})

/**
 * UCI Online Retail (`InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,
 * Country`), prices in GBP. Cancellation invoices (`C…`) and lines without a customer are rejected;
 * a line without a description takes its stock code as title.
 */
export const onlineRetailFormat: RowFormat = {
  name: 'online-retail',
  open(header) {
    const at = columnIndex(header, onlineRetailColumns)
    const field = (fields: string[], name: (typeof onlineRetailColumns)[number]) => fields[at.get(name)!]?.trim() ?? ''
    return (fields) => {
      const invoice = field(fields, 'invoiceno')
      if (invoice.startsWith('C')) return { rejected: 'InvoiceNo: a cancellation (C…), not an order' }
      const customerId = field(fields, 'customerid')
      if (!customerId) return { rejected: 'CustomerID: empty (a sale nobody can be followed up on)' }
      const parsed = onlineRetailSchema.safeParse({
        orderId: invoice,
        customerId,
        productId: field(fields, 'stockcode'),
        title: field(fields, 'description') || field(fields, 'stockcode'),
        quantity: field(fields, 'quantity'),
        unitPrice: field(fields, 'unitprice'),
        placedAt: field(fields, 'invoicedate'),
      })
      if (!parsed.success) return { rejected: firstIssue(parsed.error, onlineRetailNames) }
      return { row: { ...parsed.data, currency: 'GBP' } }
    }
  },
}

const genericColumns = [
  'order_id',
  'customer_id',
  'email',
  'product_id',
  'title',
  'category',
  'quantity',
  'unit_price',
  'currency',
  'time',
] as const
const genericNames = {
  orderId: 'order_id',
  customerId: 'customer_id',
  email: 'email',
  productId: 'product_id',
  title: 'title',
  category: 'category',
  quantity: 'quantity',
  unitPrice: 'unit_price',
  currency: 'currency',
  placedAt: 'time',
}
const genericSchema = z
  .object({
    orderId: platformIdSchema,
    customerId: platformIdSchema.optional(),
    email: emailSchema.optional(),
    productId: platformIdSchema,
    title: z.string().trim().min(1, 'must not be empty').max(500),
    category: z.string().trim().max(200).optional(),
    quantity: quantitySchema,
    unitPrice: moneySchema,
    currency: currencySchema,
    placedAt: timeSchema,
  })
  .refine((row) => row.customerId !== undefined || row.email !== undefined, 'customer_id and email are both empty: a line needs one')

/**
 * The generic layout, one order line per row, columns in any order:
 * `order_id,customer_id,email,product_id,title,category,quantity,unit_price,currency,time`.
 * `customer_id` or `email` may be empty (not both); `category` may be empty; `time` is ISO 8601.
 */
export const genericFormat: RowFormat = {
  name: 'generic',
  open(header) {
    const at = columnIndex(header, genericColumns)
    const field = (fields: string[], name: (typeof genericColumns)[number]) => optional(fields[at.get(name)!])
    return (fields) => {
      const parsed = genericSchema.safeParse({
        orderId: field(fields, 'order_id'),
        customerId: field(fields, 'customer_id'),
        email: field(fields, 'email'),
        productId: field(fields, 'product_id'),
        title: field(fields, 'title') ?? '',
        category: field(fields, 'category'),
        quantity: field(fields, 'quantity'),
        unitPrice: field(fields, 'unit_price') ?? '',
        currency: field(fields, 'currency') ?? '',
        placedAt: field(fields, 'time') ?? '',
      })
      if (!parsed.success) return { rejected: firstIssue(parsed.error, genericNames) }
      const { customerId, email, category, ...rest } = parsed.data
      return {
        row: { ...rest, ...(customerId ? { customerId } : {}), ...(email ? { email } : {}), ...(category ? { category } : {}) },
      }
    }
  },
}

/** Formats by name, for `--format`. */
export const rowFormats: Readonly<Record<RowFormat['name'], RowFormat>> = {
  'online-retail': onlineRetailFormat,
  generic: genericFormat,
}

/** The format whose header this is, when `--format` is not given. */
export function detectFormat(header: string[]): RowFormat | undefined {
  const names = header.map((name) => name.trim().toLowerCase())
  if (names.includes('invoiceno') && names.includes('stockcode')) return onlineRetailFormat
  if (names.includes('order_id') && names.includes('product_id')) return genericFormat
  return undefined
}
