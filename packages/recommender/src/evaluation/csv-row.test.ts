import { describe, expect, it } from 'vitest'
import { splitCsvRow } from './csv-row.ts'

describe('splitCsvRow', () => {
  it('splits on commas outside quotes and unescapes doubled quotes', () => {
    expect(splitCsvRow('536365,"SET 2 TEA TOWELS, ""I LOVE LONDON""",,6')).toEqual(['536365', 'SET 2 TEA TOWELS, "I LOVE LONDON"', '', '6'])
    expect(splitCsvRow('')).toEqual([''])
    expect(splitCsvRow('a,')).toEqual(['a', ''])
  })

  it('splits plain fields and keeps empty ones', () => {
    expect(splitCsvRow('536365,85123A,,6')).toEqual(['536365', '85123A', '', '6'])
  })

  it('reads quoted fields with commas and doubled quotes', () => {
    expect(splitCsvRow('1,"SET OF 3, ""RETRO"" TINS",2')).toEqual(['1', 'SET OF 3, "RETRO" TINS', '2'])
  })
})
