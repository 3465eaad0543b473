import { findProducts } from '@crosswise/db'
import { describe, expect, it } from 'vitest'
import { fixtureIds, shopifyFixture, type DeliveryOptions } from './shopify-fixtures.ts'
import { shopifyWebhookStack } from './shopify-webhook-stack.ts'

describe('POST /webhooks/shopify: the catalogue', () => {
  const stack = shopifyWebhookStack('api_shopify_products')
  const { storeId, shop, deliver } = stack

  it('keeps the catalogue from products/create and products/update, newest first', async () => {
    const body = shopifyFixture('products-update')
    expect((await deliver('products/create', body)).json()).toEqual({ duplicate: false, outcome: 'product-saved' })
    const older = body.replace(
      '"updated_at": "2026-11-22T08:00:00+01:00",\n  "vendor"',
      '"updated_at": "2026-11-01T08:00:00+01:00",\n  "vendor"',
    )
    expect((await deliver('products/update', older.replace('Paper Filters (100)', 'Old title'))).json()).toEqual({
      duplicate: false,
      outcome: 'product-stale',
    })
    const soldOut = body
      .replace('"inventory_quantity": 340', '"inventory_quantity": 0')
      .replace('"updated_at": "2026-11-22T08:00:00+01:00",\n  "vendor"', '"updated_at": "2026-11-23T08:00:00+01:00",\n  "vendor"')
    expect((await deliver('products/update', soldOut)).json()).toEqual({ duplicate: false, outcome: 'product-saved' })
    const product = await stack.db.selectFrom('products').selectAll().where('id', '=', fixtureIds.filters).executeTakeFirstOrThrow()
    expect(product).toMatchObject({
      title: 'Paper Filters (100)',
      category: 'Brewing accessories',
      price: '7.4500',
      currency: 'EUR',
      available: false,
      url: null,
      handle: 'paper-filters-100',
      image_url: 'https://cdn.shopify.com/s/files/1/0612/3456/7890/products/filters.jpg?v=1736506800',
    })
    // Its page comes from the handle on the shop's domain, as every reader of products sees it.
    const [shown] = await findProducts(stack.db, storeId, [fixtureIds.filters])
    expect(shown?.url).toBe(`https://${shop}/products/paper-filters-100`)
  })

  it('keeps a product deleted in Shopify unavailable, until an update made after the deletion', async () => {
    const body = shopifyFixture('products-update')
    // Within the kept history (older deliveries are ignored as stale), whatever day the test runs.
    const deletedAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000)
    const minutesAfter = (minutes: number) => new Date(deletedAt.getTime() + minutes * 60_000).toISOString()
    const remove = (options: Partial<DeliveryOptions> = {}) =>
      deliver('products/delete', `{"id": ${fixtureIds.filters}}`, { triggeredAt: deletedAt, ...options })
    const first = await remove({ webhookId: 'wh-delete', eventId: 'ev-delete' })
    expect(first.json()).toEqual({ duplicate: false, outcome: 'product-deleted' })
    expect((await remove({ webhookId: 'wh-delete', eventId: 'ev-delete' })).json()).toEqual({ duplicate: true })
    const stored = () =>
      stack.db
        .selectFrom('products')
        .select(['title', 'available', 'deleted_at'])
        .where('id', '=', fixtureIds.filters)
        .executeTakeFirstOrThrow()
    expect(await stored()).toEqual({ title: 'Paper Filters (100)', available: false, deleted_at: deletedAt })

    // A retried update from before the deletion changes nothing; one made after it restores the product.
    const at = (time: string, title: string) =>
      body
        .replace('"updated_at": "2026-11-22T08:00:00+01:00",\n  "vendor"', `"updated_at": "${time}",\n  "vendor"`)
        .replace('Paper Filters (100)', title)
    expect((await deliver('products/update', at(minutesAfter(-30), 'Before'))).json()).toEqual({
      duplicate: false,
      outcome: 'product-stale',
    })
    expect((await deliver('products/update', at(minutesAfter(30), 'Paper Filters (200)'))).json()).toEqual({
      duplicate: false,
      outcome: 'product-saved',
    })
    expect(await stored()).toEqual({ title: 'Paper Filters (200)', available: true, deleted_at: null })

    expect((await deliver('products/delete', '{"id": 1}')).json()).toEqual({ duplicate: false, outcome: 'product-unknown' })
    const bad = await deliver('products/delete', '{"id": "  "}')
    expect([bad.statusCode, bad.json().issues[0].field]).toEqual([400, 'body.id'])
  })
})
