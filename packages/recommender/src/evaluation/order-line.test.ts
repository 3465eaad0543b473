import { describe, expect, it } from 'vitest'
import { orderLineReader } from './order-line.ts'

describe('orderLineReader', () => {
  describe('Online Retail export', () => {
    const read = orderLineReader(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'])
    const row = (overrides: Partial<Record<'invoice' | 'code' | 'quantity' | 'date' | 'price' | 'customer', string>>) => [
      overrides.invoice ?? '536365',
      overrides.code ?? '85123A',
      'WHITE HANGING HEART T-LIGHT HOLDER',
      overrides.quantity ?? '6',
      overrides.date ?? '2010-12-01T08:26:00Z',
      overrides.price ?? '2.55',
      overrides.customer ?? '17850',
      'United Kingdom',
    ]

    it('reads a product line', () => {
      expect(read(row({}))).toEqual({
        orderId: '536365',
        customerId: '17850',
        productId: '85123A',
        title: 'WHITE HANGING HEART T-LIGHT HOLDER',
        category: undefined,
        quantity: 6,
        unitPrice: 2.55,
        time: Date.parse('2010-12-01T08:26:00Z'),
      })
    })

    it('drops lines the evaluation protocol excludes, saying why', () => {
      expect(read(row({ invoice: 'C536379' }))).toBe('cancellation')
      expect(read(row({ code: 'POST' }))).toBe('not-a-product')
      expect(read(row({ code: '8512' }))).toBe('not-a-product')
      expect(read(row({ quantity: '-1' }))).toBe('non-positive-quantity')
      expect(read(row({ price: '0' }))).toBe('non-positive-price')
      expect(read(row({ customer: '' }))).toBe('unknown-customer')
      expect(read(row({ date: 'yesterday' }))).toBe('malformed')
    })
  })

  describe('generic format', () => {
    const read = orderLineReader([
      'order_id',
      'customer_id',
      'email',
      'product_id',
      'title',
      'category',
      'quantity',
      'unit_price',
      'currency',
      'placed_at',
    ])

    it('falls back to the email for guest checkouts and keeps the category', () => {
      expect(read(['1001', '', 'Ann@Example.com', 'sku-1', 'Mug', 'Kitchen', '2', '9.50', 'EUR', '2024-03-01T10:00:00Z'])).toMatchObject({
        customerId: 'ann@example.com',
        productId: 'sku-1',
        category: 'Kitchen',
        quantity: 2,
        unitPrice: 9.5,
      })
      expect(read(['1001', '', '', 'sku-1', 'Mug', '', '2', '9.50', 'EUR', '2024-03-01T10:00:00Z'])).toBe('unknown-customer')
    })

    it('refuses a header it cannot map', () => {
      expect(() => orderLineReader(['id', 'sku', 'qty'])).toThrow(/unknown order file header/)
      expect(() => orderLineReader(['order_id', 'email', 'product_id', 'quantity', 'price'])).toThrow('(missing time)')
    })
  })
})
