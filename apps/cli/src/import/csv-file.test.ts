import { describe, expect, it } from 'vitest'
import { csvRecords, type CsvRecord } from './csv-file.ts'

async function records(text: string): Promise<CsvRecord[]> {
  async function* lines() {
    yield* text.split('\n')
  }
  const all: CsvRecord[] = []
  for await (const record of csvRecords(lines())) all.push(record)
  return all
}

describe('csvRecords', () => {
  it('numbers records by their first line, skipping blank lines and the byte-order mark', async () => {
    expect(await records('\uFEFFa,b\n1,2\n\n3,"x, y"')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 4, fields: ['3', 'x, y'] },
    ])
  })

  it('keeps line breaks inside a quoted field', async () => {
    expect(await records('handle,body,price\nkettle,"<p>Pours slowly,\n\nbrews ""evenly"".</p>",39.90\nmug,,8')).toEqual([
      { line: 1, fields: ['handle', 'body', 'price'] },
      { line: 2, fields: ['kettle', '<p>Pours slowly,\n\nbrews "evenly".</p>', '39.90'] },
      { line: 5, fields: ['mug', '', '8'] },
    ])
  })

  it('ends a record whose quote never closes with the file', async () => {
    expect(await records('a,b\n1,"open\n2,3')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'open\n2,3'] },
    ])
  })
})
