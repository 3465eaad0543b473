import { describe, expect, it } from 'vitest'
import { splitCsvRow } from './csv-row.ts'

describe('splitCsvRow', () => {
  it('splits on commas outside quotes and unescapes doubled quotes', () => {
    expect(splitCsvRow('536365,"SET 2 TEA TOWELS, ""I LOVE LONDON""",,6')).toEqual(['536365', 'SET 2 TEA TOWELS, "I LOVE LONDON"', '', '6'])
    expect(splitCsvRow('')).toEqual([''])
    expect(splitCsvRow('a,')).toEqual(['a', ''])
  })
})
