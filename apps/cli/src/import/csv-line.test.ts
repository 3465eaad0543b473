import { describe, expect, it } from 'vitest'
import { parseCsvLine } from './csv-line.ts'

describe('parseCsvLine', () => {
  it('splits plain fields and keeps empty ones', () => {
    expect(parseCsvLine('536365,85123A,,6')).toEqual(['536365', '85123A', '', '6'])
  })

  it('reads quoted fields with commas and doubled quotes', () => {
    expect(parseCsvLine('1,"SET OF 3, ""RETRO"" TINS",2')).toEqual(['1', 'SET OF 3, "RETRO" TINS', '2'])
  })
})
