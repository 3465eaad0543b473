/** One product line of a past order, as read from an order-history file. */
export interface OrderLine {
  orderId: string
  customerId: string
  productId: string
  title: string
  category: string | undefined
  quantity: number
  /** Major units (e.g. 2.55 for £2.55); a float is fine for ranking and spend percentiles. */
  unitPrice: number
  /** Epoch milliseconds. */
  time: number
}

/** Why a line was left out of the history. */
export type LineRejection =
  'cancellation' | 'not-a-product' | 'non-positive-quantity' | 'non-positive-price' | 'unknown-customer' | 'malformed'

/** Turns the fields of one CSV record into an order line, or says why it does not count. */
export type OrderLineReader = (fields: readonly string[]) => OrderLine | LineRejection

const onlineRetailHeader = ['invoiceno', 'stockcode', 'description', 'quantity', 'invoicedate', 'unitprice', 'customerid']

// The generic import format's columns, by normalised header name; several spellings are accepted
// because store exports name the time column differently.
const genericColumns = {
  orderId: ['orderid'],
  customerId: ['customerid'],
  email: ['email', 'customeremail'],
  productId: ['productid'],
  title: ['title', 'producttitle'],
  category: ['category', 'productcategory'],
  quantity: ['quantity'],
  unitPrice: ['unitprice', 'price'],
  time: ['time', 'placedat', 'orderedat', 'createdat'],
} as const

const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z]/g, '')

/**
 * A reader for the file whose header row is `header`: the UCI Online Retail export (`InvoiceNo,
 * StockCode, …`), or the generic format (order id, customer id, email, product id, title, category,
 * quantity, unit price, currency, time). Online Retail lines follow DESIGN §6: invoices starting with
 * `C` are cancellations and only stock codes starting with five digits are products. In both formats
 * a line needs a positive quantity and price and a known customer (the generic format falls back
 * to the email for guest checkouts). Throws when the header matches neither format.
 */
export function orderLineReader(header: readonly string[]): OrderLineReader {
  const names = header.map(normalise)
  if (onlineRetailHeader.every((name) => names.includes(name))) return onlineRetailReader(names)
  const column = (options: readonly string[]): number => names.findIndex((name) => options.includes(name))
  const at = Object.fromEntries(Object.entries(genericColumns).map(([key, options]) => [key, column(options)])) as Record<
    keyof typeof genericColumns,
    number
  >
  const missing: string[] = (['orderId', 'productId', 'quantity', 'unitPrice', 'time'] as const).filter((key) => at[key] < 0)
  if (at.customerId < 0 && at.email < 0) missing.push('customerId or email')
  if (missing.length > 0) throw new Error(`unknown order file header (missing ${missing.join(', ')}): ${header.join(',')}`)
  return (fields) => {
    const field = (index: number): string => (index < 0 ? '' : (fields[index] ?? '').trim())
    const customerId = field(at.customerId) || field(at.email).toLowerCase()
    return checked({
      orderId: field(at.orderId),
      customerId,
      productId: field(at.productId),
      title: field(at.title),
      category: field(at.category) || undefined,
      quantity: Number(field(at.quantity)),
      unitPrice: Number(field(at.unitPrice)),
      time: Date.parse(field(at.time)),
    })
  }
}

function onlineRetailReader(names: readonly string[]): OrderLineReader {
  const at = (name: string): number => names.indexOf(name)
  const [invoice, stockCode, description, quantity, invoiceDate, unitPrice, customerId] = onlineRetailHeader.map(at) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  return (fields) => {
    const orderId = (fields[invoice] ?? '').trim()
    const productId = (fields[stockCode] ?? '').trim()
    if (orderId.startsWith('C')) return 'cancellation'
    if (!/^\d{5}/.test(productId)) return 'not-a-product'
    return checked({
      orderId,
      customerId: (fields[customerId] ?? '').trim(),
      productId,
      title: (fields[description] ?? '').trim(),
      category: undefined,
      quantity: Number(fields[quantity]),
      unitPrice: Number(fields[unitPrice]),
      time: Date.parse(fields[invoiceDate] ?? ''),
    })
  }
}

function checked(line: OrderLine): OrderLine | LineRejection {
  if (line.orderId === '' || line.productId === '' || !Number.isFinite(line.time)) return 'malformed'
  if (Number.isNaN(line.quantity) || Number.isNaN(line.unitPrice)) return 'malformed'
  if (line.quantity <= 0) return 'non-positive-quantity'
  if (line.unitPrice <= 0) return 'non-positive-price'
  if (line.customerId === '') return 'unknown-customer'
  return line
}
