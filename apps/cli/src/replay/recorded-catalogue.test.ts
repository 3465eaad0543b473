import { describe, expect, it } from 'vitest'
import { recordedCatalogue, titleCase } from './recorded-catalogue.ts'

describe('recordedCatalogue', () => {
  it('title-cases the data’s capitals, keeping small words low and hyphenated words capitalised', () => {
    expect(titleCase('WHITE HANGING HEART T-LIGHT HOLDER')).toBe('White Hanging Heart T-Light Holder')
    expect(titleCase('SET OF 3 CAKE TINS  PANTRY DESIGN ')).toBe('Set of 3 Cake Tins Pantry Design')
  })

  it('lists every product sold once, titled as first sold, priced as last sold, with unique handles', () => {
    const orders = [
      { orderId: '1', customerId: 'a', placedAt: 1, lines: [{ productId: '85123A', title: 'HEART HOLDER', quantity: 6, unitPrice: 2.55 }] },
      {
        orderId: '2',
        customerId: 'b',
        placedAt: 2,
        lines: [
          { productId: '85123A', title: 'CREAM HEART HOLDER', quantity: 1, unitPrice: 2.95 },
          { productId: '85123B', title: 'HEART HOLDER', quantity: 1, unitPrice: 3 },
        ],
      },
    ]
    const catalogue = recordedCatalogue(orders, { unavailableShare: 0 })
    expect(catalogue).toEqual([
      { productId: '85123A', title: 'Heart Holder', handle: 'heart-holder-85123a', price: '2.95', available: true },
      { productId: '85123B', title: 'Heart Holder', handle: 'heart-holder-85123b', price: '3.00', available: true },
    ])
    expect(recordedCatalogue(orders, { unavailableShare: 1 }).every((product) => !product.available)).toBe(true)
  })
})
