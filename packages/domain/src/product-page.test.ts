import { describe, expect, it } from 'vitest'
import { productHandleSchema, productUrlTemplateSchema } from './product-page.ts'

describe('productUrlTemplateSchema', () => {
  it('accepts http(s) addresses naming {handle} or {id}', () => {
    expect(productUrlTemplateSchema.parse(' https://shop.example.com/products/{handle} ')).toBe(
      'https://shop.example.com/products/{handle}',
    )
    expect(productUrlTemplateSchema.safeParse('http://shop.example.com/p?id={id}&h={handle}').success).toBe(true)
  })

  it('names what is wrong', () => {
    const message = (template: string) => productUrlTemplateSchema.safeParse(template).error?.issues[0]?.message
    expect(message('ftp://shop.example.com/{handle}')).toBe('must be an http(s) URL')
    expect(message('shop.example.com/{handle}')).toBe('must be an http(s) URL')
    expect(message('https://shop.example.com/products')).toBe('must contain {handle} or {id}')
    expect(message('https://shop.example.com/{handel}/{id}')).toBe('knows only the placeholders {handle} and {id}')
  })
})

describe('productHandleSchema', () => {
  it('takes a URL segment only', () => {
    expect(productHandleSchema.parse(' blue-kettle ')).toBe('blue-kettle')
    expect(productHandleSchema.safeParse('blue kettle').success).toBe(false)
    expect(productHandleSchema.safeParse('a/b').success).toBe(false)
  })
})
