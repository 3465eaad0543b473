import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { createDatabase, createStore, findProducts, getStore, migrateToLatest, upsertProduct, type Db } from '@crosswise/db'
import { createTestDatabase } from '@crosswise/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importCommand } from '../src/commands/import.ts'
import { openCsvFile } from '../src/import/csv-file.ts'
import { importProducts } from '../src/import/products/product-import.ts'
import type { Rejection } from '../src/import/rejections.ts'
import { capture } from './capture-output.ts'

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url))

describe('crosswise import products', () => {
  let url: string
  let db: Db
  let scratch: string
  beforeAll(async () => {
    url = await createTestDatabase('cli_import_products')
    db = createDatabase(url)
    await migrateToLatest(db)
    scratch = await mkdtemp(join(tmpdir(), 'crosswise-import-products-'))
  })
  afterAll(async () => {
    await db?.destroy()
    if (scratch) await rm(scratch, { recursive: true, force: true })
  })

  const run = async (storeId: string, path: string, batchProducts = 2) => {
    const rejections: Rejection[] = []
    const summary = await importProducts({
      db,
      storeId,
      file: await openCsvFile(path),
      batchProducts,
      onRejection: (r) => rejections.push(r),
    })
    return { summary, rejections }
  }
  const catalogue = (storeId: string) =>
    db
      .selectFrom('products')
      .select(['id', 'handle', 'title', 'category', 'price', 'available', 'image_url'])
      .where('store_id', '=', storeId)
      .orderBy('id')
      .execute()

  describe('from a Shopify export', () => {
    const shop = 'brewline'
    const domain = 'brewline-shop.myshopify.com'
    beforeAll(async () => {
      await createStore(
        db,
        shop,
        { name: 'Brewline', currency: 'EUR', timeZone: 'UTC', shopify: { domain, webhookSecret: 's'.repeat(32) } },
        'hash-brewline',
      )
      // Known from a products/update webhook: numeric id and handle.
      await upsertProduct(db, shop, {
        productId: '8123456789012',
        title: 'Filters',
        handle: 'paper-filters-100',
        available: false,
        updatedAt: new Date('2026-11-01T00:00:00Z'),
      })
    })

    it('groups rows by handle (gzipped, across batches, HTML over several lines), rejecting bad rows by line and field and importing the rest', async () => {
      const gz = join(scratch, 'products_export.csv.gz')
      await writeFile(gz, gzipSync(await readFile(fixture('shopify-products.csv'))))
      const { summary, rejections } = await run(shop, gz)
      expect(summary).toMatchObject({
        format: 'shopify',
        rows: 12,
        added: 5,
        updated: 1,
        unchanged: 0,
        available: 3,
        unavailable: 3,
        withoutPage: 0,
        rejected: 3,
      })
      expect(rejections).toEqual([
        { line: 7, reason: 'Variant Price: must be an amount such as "19.90": not negative, below 10,000,000,000' },
        { line: 14, reason: 'Variant Price: empty on a variant row' },
        { line: 15, reason: 'Title: empty on every row of the product (its first row carries it)' },
      ])
      expect(await catalogue(shop)).toEqual([
        {
          id: '8123456789012',
          handle: 'paper-filters-100',
          title: 'Paper Filters (100)',
          category: 'Coffee Filters',
          price: '7.4500',
          available: true,
          image_url: 'https://cdn.example/filters.jpg',
        },
        {
          id: 'backorder-grinder',
          handle: 'backorder-grinder',
          title: 'Hand Grinder',
          category: 'Grinders',
          price: '59.0000',
          available: true,
          image_url: null,
        },
        {
          id: 'gooseneck-kettle',
          handle: 'gooseneck-kettle',
          title: 'Gooseneck Kettle, 1 l',
          category: 'Kettles',
          price: '35.0000',
          available: true,
          image_url: 'https://cdn.example/kettle-front.jpg',
        },
        {
          id: 'hidden-scale',
          handle: 'hidden-scale',
          title: 'Brew Scale',
          category: 'Scales',
          price: '24.0000',
          available: false,
          image_url: null,
        },
        {
          id: 'sold-out-cup',
          handle: 'sold-out-cup',
          title: 'Sold Out Cup',
          category: 'Mugs',
          price: '6.0000',
          available: false,
          image_url: null,
        },
        {
          id: 'stoneware-mug',
          handle: 'stoneware-mug',
          title: 'Stoneware Mug',
          category: 'Mugs',
          price: '8.0000',
          available: false,
          image_url: null,
        },
      ])
      const [kettle] = await findProducts(db, shop, ['gooseneck-kettle'])
      expect(kettle).toMatchObject({ url: `https://${domain}/products/gooseneck-kettle`, currency: 'EUR' })
    })

    it('changes nothing on a re-import and reports every product unchanged', async () => {
      const before = await db.selectFrom('products').select(['id', 'updated_at']).where('store_id', '=', shop).orderBy('id').execute()
      const { summary } = await run(shop, fixture('shopify-products.csv'), 100)
      expect(summary).toMatchObject({ rows: 12, added: 0, updated: 0, unchanged: 6, available: 3, unavailable: 3, rejected: 3 })
      expect(await db.selectFrom('products').select(['id', 'updated_at']).where('store_id', '=', shop).orderBy('id').execute()).toEqual(
        before,
      )
    })

    it('gathers a product’s rows apart while its batch is open, and rejects them once it was written', async () => {
      const file = join(scratch, 'apart.csv')
      await writeFile(file, 'Handle,Title,Variant Price\na,A,1.00\nb,B,2.00\na,,0.50\nc,C,3.00\nd,D,4.00\na,,0.10\n')
      await createStore(db, 'apart', { name: 'Apart', currency: 'EUR', timeZone: 'UTC' }, 'hash-apart')
      const { summary, rejections } = await run('apart', file, 3)
      expect(summary).toMatchObject({ added: 4, rejected: 1, withoutPage: 4 })
      expect(rejections).toEqual([
        { line: 7, reason: 'Handle: its product was written from earlier rows (keep a product’s rows together)' },
      ])
      expect((await catalogue('apart')).find((product) => product.id === 'a')?.price).toBe('0.5000')
    })
  })

  describe('from the generic layout, as a command', () => {
    const store = 'tea-shop'
    const rejects = () => join(scratch, 'product-rejects.csv')
    const importFile = (template: string) =>
      capture(() =>
        importCommand.run([
          'products',
          fixture('generic-products.csv'),
          '--store',
          store,
          '--url-template',
          template,
          '--database-url',
          url,
          '--rejects',
          rejects(),
        ]),
      )

    it('updates products the order import created, adds new ones, stores the template and reports what has no page', async () => {
      expect(
        (
          await capture(() =>
            importCommand.run(['orders', fixture('generic.csv'), '--store', store, '--currency', 'EUR', '--database-url', url]),
          )
        ).code,
      ).toBe(0)
      const { code, out } = await importFile('https://shop.example.com/products/{handle}')
      expect(code).toBe(0)
      expect(out).toContain("into the catalogue of store 'tea-shop' (generic format)")
      expect(out).toMatch(/rows read +6\n/)
      expect(out).toMatch(/products +1 new, 2 updated, 0 unchanged\n/)
      expect(out).toMatch(/available +2 \(1 not available\)\n/)
      expect(out).toMatch(/without page +1\n/)
      expect(out).toMatch(/lines rejected +3\n/)
      expect((await readFile(rejects(), 'utf8')).trim().split('\n')).toEqual([
        'line,reason',
        '5,"price: must be an amount such as ""19.90"": not negative, below 10,000,000,000"',
        '6,"product_id: the same product as line 2 (one row per product)"',
        '7,"product_id: must not be empty"',
      ])
      expect((await getStore(db, store))?.productUrlTemplate).toBe('https://shop.example.com/products/{handle}')
      const pages = Object.fromEntries(
        (await findProducts(db, store, ['tea', 'pot', 'cosy', 'mug'])).map((product) => [product.productId, product.url]),
      )
      expect(pages).toEqual({
        tea: null,
        pot: 'https://shop.example.com/teapot',
        cosy: 'https://shop.example.com/products/tea-cosy',
        mug: null,
      })
    })

    it('gives every product a page with an {id} template, order-import ones too; the re-import changes nothing', async () => {
      const { code, out } = await importFile('https://shop.example.com/p/{id}')
      expect(code).toBe(0)
      expect(out).toMatch(/products +0 new, 0 updated, 3 unchanged\n/)
      expect(out).toMatch(/without page +0\n/)
      const pages = Object.fromEntries(
        (await findProducts(db, store, ['tea', 'pot', 'cosy', 'mug'])).map((product) => [product.productId, product.url]),
      )
      expect(pages).toEqual({
        tea: 'https://shop.example.com/p/tea',
        pot: 'https://shop.example.com/teapot',
        cosy: 'https://shop.example.com/p/cosy',
        mug: 'https://shop.example.com/p/mug',
      })
    })

    it('refuses a bad template, an unknown header and a wrong invocation', async () => {
      await expect(importFile('https://shop.example.com/products')).rejects.toThrow('--url-template must contain {handle} or {id}')
      await expect(
        importCommand.run(['orders', fixture('generic.csv'), '--store', store, '--url-template', 'https://x.example/{id}']),
      ).rejects.toThrow('--url-template belongs to `import products`')
      await expect(importCommand.run(['products', fixture('generic.csv'), '--store', store, '--format', 'online-retail'])).rejects.toThrow(
        '--format must be one of shopify, generic for products',
      )
      const odd = join(scratch, 'odd.csv')
      await writeFile(odd, 'sku,name\n1,2\n')
      const refused = await capture(() => importCommand.run(['products', odd, '--store', store, '--database-url', url]))
      expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('Unknown header: pass --format shopify or --format generic.') })
    })
  })
})
