import { describe, expect, it } from 'vitest'
import { addToDraft, finishDraft, startDraft } from './product-draft.ts'
import type { ProductRow } from './product-format.ts'

const shopify = { keyColumn: 'Handle', rowsPerProduct: 'many' } as const
const generic = { keyColumn: 'product_id', rowsPerProduct: 'one' } as const

describe('a product gathered from its rows', () => {
  const first: ProductRow = {
    key: 'kettle',
    handle: 'kettle',
    title: 'Kettle',
    category: 'Kettles',
    listed: true,
    price: '39.90',
    sellable: false,
    image: { src: 'https://cdn.example/2.jpg', position: 2 },
  }

  it('takes the first row’s fields, the lowest price, the first image, and sells if any variant can', () => {
    const draft = startDraft(first, 2, shopify)
    expect(addToDraft(draft, { key: 'kettle', handle: 'kettle', title: 'Ignored', price: '35.5', sellable: false }, 3)).toBeUndefined()
    addToDraft(draft, { key: 'kettle', handle: 'kettle', price: '100', sellable: true }, 4)
    addToDraft(draft, { key: 'kettle', handle: 'kettle', image: { src: 'https://cdn.example/1.jpg', position: 1 } }, 5)
    expect(draft.lines).toEqual([2, 3, 4, 5])
    expect(finishDraft(draft)).toEqual({
      entry: {
        handle: 'kettle',
        title: 'Kettle',
        category: 'Kettles',
        price: '35.5',
        available: true,
        imageUrl: 'https://cdn.example/1.jpg',
      },
    })
  })

  it('is unavailable when no variant can be sold, or it is not listed', () => {
    expect(finishDraft(startDraft(first, 2, shopify))).toMatchObject({ entry: { available: false } })
    expect(finishDraft(startDraft({ ...first, listed: false, sellable: true }, 2, shopify))).toMatchObject({ entry: { available: false } })
    // Image rows only: nothing to sell.
    expect(finishDraft(startDraft({ key: 'x', handle: 'x', title: 'X', listed: true }, 2, shopify))).toMatchObject({
      entry: { available: false },
    })
  })

  it('cannot be imported without a title on any row', () => {
    const draft = startDraft({ key: 'kettle', handle: 'kettle', price: '1', sellable: true }, 7, shopify)
    expect(finishDraft(draft)).toEqual({ rejected: 'Title: empty on every row of the product (its first row carries it)' })
  })

  it('has one row in the generic layout, and says availability only when the row does', () => {
    const draft = startDraft({ key: 'p', productId: 'p', title: 'Mug' }, 2, generic)
    expect(addToDraft(draft, { key: 'p', productId: 'p', title: 'Mug again' }, 9)).toBe(
      'product_id: the same product as line 2 (one row per product)',
    )
    expect(finishDraft(draft)).toEqual({ entry: { productId: 'p', title: 'Mug' } })
    expect(finishDraft(startDraft({ key: 'p', productId: 'p', title: 'Mug', listed: false }, 2, generic))).toMatchObject({
      entry: { available: false },
    })
  })
})
