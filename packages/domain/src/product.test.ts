import { describe, expect, it } from 'vitest'
import { productSchema } from './product.ts'

describe('productSchema', () => {
  it('defaults availability and keeps the price a decimal string', () => {
    const product = productSchema.parse({ productId: 1, title: 'Mug', price: '9.50', updatedAt: '2026-11-20T10:00:00Z' })
    expect(product).toMatchObject({ productId: '1', price: '9.50', available: true })
  })

  it('rejects a URL that is not http(s)', () => {
    const result = productSchema.safeParse({ productId: '1', title: 'Mug', url: 'javascript:alert(1)', updatedAt: '2026-11-20T10:00:00Z' })
    expect(result.error?.issues[0]?.path).toEqual(['url'])
  })
})
