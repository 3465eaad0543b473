import { describe, expect, it } from 'vitest'
import { findUnstorableText } from './unstorable-text.ts'

describe('findUnstorableText', () => {
  it('names the first field holding a NUL or a lone surrogate, keys included', () => {
    expect(findUnstorableText({ customer: { firstName: 'Kim\u0000' } })).toBe('customer.firstName')
    expect(findUnstorableText({ lineItems: [{ title: 'ok' }, { title: 'x\ud800' }] })).toBe('lineItems[1].title')
    expect(findUnstorableText({ 'bad\udfff': 1 })).toBe('bad\udfff')
  })

  it('passes clean text, emoji (whole surrogate pairs) and deep nesting', () => {
    expect(findUnstorableText({ title: 'Teapot 🫖', lines: [1, null, true] })).toBeUndefined()
    let deep: unknown = 'end'
    for (let depth = 0; depth < 100_000; depth++) deep = [deep]
    expect(findUnstorableText(deep)).toBeUndefined()
  })
})
