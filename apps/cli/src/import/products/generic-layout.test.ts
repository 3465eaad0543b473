import { describe, expect, it } from 'vitest'
import { genericProductFormat } from './generic-layout.ts'

describe('generic product rows', () => {
  const read = genericProductFormat.open(['product_id', 'title', 'price', 'category', 'available', 'url', 'image_url', 'handle'])

  it('reads a full row, and leaves empty fields unsaid', () => {
    expect(read(['p-1', 'Kettle', '39.90', 'Kitchen', 'no', 'https://shop.example/kettle', 'https://cdn.example/k.jpg', 'kettle'])).toEqual(
      {
        row: {
          key: 'p-1',
          productId: 'p-1',
          title: 'Kettle',
          price: '39.90',
          category: 'Kitchen',
          listed: false,
          url: 'https://shop.example/kettle',
          image: { src: 'https://cdn.example/k.jpg', position: 1 },
          handle: 'kettle',
        },
      },
    )
    expect(read(['p-2', 'Mug', '', '', '', '', '', ''])).toEqual({ row: { key: 'p-2', productId: 'p-2', title: 'Mug' } })
  })

  it('rejects a bad field by its column', () => {
    const rejected = (fields: string[]) => (read(fields) as { rejected: string }).rejected
    expect(rejected(['', 'Mug', '', '', '', '', '', ''])).toBe('product_id: must not be empty')
    expect(rejected(['p', '', '', '', '', '', '', ''])).toBe('title: must not be empty')
    expect(rejected(['p', 'Mug', 'cheap', '', '', '', '', ''])).toBe(
      'price: must be an amount such as "19.90": not negative, below 10,000,000,000',
    )
    expect(rejected(['p', 'Mug', '', '', 'maybe', '', '', ''])).toBe('available: must be true or false')
    expect(rejected(['p', 'Mug', '', '', '', 'shop.example/mug', '', ''])).toBe('url: must be an http(s) URL')
    expect(rejected(['p', 'Mug', '', '', '', '', '', 'a mug'])).toBe('handle: must be a URL handle (no spaces, "/", "?" or "#")')
  })

  it('needs product_id and title only', () => {
    expect(() => genericProductFormat.open(['product_id', 'price'])).toThrow('the header lacks title')
    expect(genericProductFormat.open(['title', 'product_id'])(['Mug', 'p'])).toEqual({ row: { key: 'p', productId: 'p', title: 'Mug' } })
  })
})
