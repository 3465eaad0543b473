import { describe, expect, it } from 'vitest'
import { splitCsvRow } from '@crosswise/recommender'
import { shopifyExportFormat } from './shopify-export.ts'

const header =
  'Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Variant SKU,Variant Inventory Tracker,Variant Inventory Qty,Variant Inventory Policy,Variant Price,Variant Compare At Price,Image Src,Image Position,Status'
const read = shopifyExportFormat.open(splitCsvRow(header))
const row = (line: string) => read(splitCsvRow(line))

describe('Shopify product export rows', () => {
  it('reads a first row: product fields, its variant and image', () => {
    expect(
      row(
        'kettle,Blue Kettle,<p>Hi</p>,Acme,Home > Kitchen > Kettles,,tea,true,Colour,Blue,K-1,shopify,3,deny,39.90,,https://cdn.example/k1.jpg,1,active',
      ),
    ).toEqual({
      row: {
        key: 'kettle',
        handle: 'kettle',
        title: 'Blue Kettle',
        category: 'Kettles',
        listed: true,
        price: '39.90',
        sellable: true,
        image: { src: 'https://cdn.example/k1.jpg', position: 1 },
      },
    })
  })

  it('takes Type over Product Category, and lists only active, published products', () => {
    expect(row('mug,Mug,,,Home > Mugs,Drinkware,,true,,,,,,,8,,,,active')).toMatchObject({ row: { category: 'Drinkware', listed: true } })
    expect(row('mug,Mug,,,,,,false,,,,,,,8,,,,active')).toMatchObject({ row: { listed: false } })
    expect(row('mug,Mug,,,,,,TRUE,,,,,,,8,,,,draft')).toMatchObject({ row: { listed: false } })
  })

  it('reads later rows: a variant without product fields, an image-only row', () => {
    expect(row('kettle,,,,,,,,,Green,K-2,shopify,0,continue,35.00,,,,')).toEqual({
      row: { key: 'kettle', handle: 'kettle', price: '35.00', sellable: true },
    })
    expect(row('kettle,,,,,,,,,Red,K-3,shopify,0,deny,35.00,,,,')).toMatchObject({ row: { sellable: false } })
    expect(row('kettle,,,,,,,,,Grey,K-4,,,,35.00,,,,')).toMatchObject({ row: { sellable: true } })
    expect(row('kettle,,,,,,,,,,,,,,,,https://cdn.example/k0.jpg,,')).toEqual({
      row: { key: 'kettle', handle: 'kettle', image: { src: 'https://cdn.example/k0.jpg', position: Number.MAX_SAFE_INTEGER } },
    })
  })

  it('rejects a bad field by its column', () => {
    expect(row('kettle,,,,,,,,,Blue,K-1,shopify,3,deny,"39,90",,,,')).toEqual({
      rejected: 'Variant Price: must be an amount such as "19.90": not negative, below 10,000,000,000',
    })
    expect(row('kettle,,,,,,,,,Blue,K-1,shopify,3,deny,-1,,,,')).toEqual({
      rejected: 'Variant Price: must be an amount such as "19.90": not negative, below 10,000,000,000',
    })
    expect(row('kettle,,,,,,,,,Blue,K-1,shopify,3,deny,,,,,')).toEqual({ rejected: 'Variant Price: empty on a variant row' })
    expect(row('kettle,,,,,,,,,Blue,K-1,shopify,lots,deny,1,,,,')).toEqual({ rejected: 'Variant Inventory Qty: must be a whole number' })
    expect(row('kettle,,,,,,,,,,,,,,,,ftp://cdn.example/k.jpg,1,')).toEqual({ rejected: 'Image Src: must be an http(s) URL' })
    expect(row('kettle,,,,,,,,,,,,,,,,https://cdn.example/k.jpg,0,')).toEqual({ rejected: 'Image Position: must be a whole number from 1' })
    expect(row(',Kettle,,,,,,true,,,,,,,1,,,,active')).toEqual({ rejected: 'Handle: must not be empty' })
  })

  it('needs Handle and Title in the header; other columns are optional', () => {
    expect(() => shopifyExportFormat.open(['Handle', 'Variant Price'])).toThrow('the header lacks title')
    const minimal = shopifyExportFormat.open(['Handle', 'Title', 'Variant Price'])
    expect(minimal(['tea', 'Tea', '4.50'])).toEqual({
      row: { key: 'tea', handle: 'tea', title: 'Tea', listed: true, price: '4.50', sellable: true },
    })
  })
})
