import { describe, expect, it } from 'vitest'
import { nextPageCursor } from './pagination.ts'

describe('nextPageCursor', () => {
  it('takes the cursor out of the next link, whatever its scheme', () => {
    expect(nextPageCursor({ next: 'https://a.klaviyo.com/api/metrics?page%5Bcursor%5D=bzoy' })).toBe('bzoy')
    expect(nextPageCursor({ next: 'http://127.0.0.1:4010/api/events?filter=x&page[cursor]=abc' })).toBe('abc')
  })

  it('ends on the last page', () => {
    expect(nextPageCursor({ next: null })).toBeUndefined()
    expect(nextPageCursor(undefined)).toBeUndefined()
  })
})
