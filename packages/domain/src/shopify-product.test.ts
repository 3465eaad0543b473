import { describe, expect, it } from 'vitest'
import { catalogueProductFromShopify, type ShopifyProductFacts, type ShopifyVariantFacts } from './shopify-product.ts'

const shop = { shopDomain: 'brewline.myshopify.com', currency: 'EUR' }
const inStock: ShopifyVariantFacts = { price: '12.00', tracked: true, continueSelling: false, quantity: 3 }
const soldOut: ShopifyVariantFacts = { price: '9.50', tracked: true, continueSelling: false, quantity: 0 }
const product = (overrides: Partial<ShopifyProductFacts> = {}): ShopifyProductFacts => ({
  productId: '8123456789012',
  handle: 'paper-filters-100',
  title: 'Paper Filters (100)',
  productType: 'Brewing accessories',
  status: 'active',
  published: true,
  updatedAt: new Date('2026-11-22T07:00:00Z'),
  variants: [inStock],
  imageUrl: 'https://cdn.shopify.com/filters.jpg',
  ...overrides,
})

describe('catalogueProductFromShopify', () => {
  it('makes an active, published product in stock available, priced at its lowest variant, with its shop page', () => {
    expect(
      catalogueProductFromShopify(product({ variants: [inStock, { ...soldOut, price: '10.5' }, { ...inStock, price: '11.99' }] }), shop),
    ).toEqual({
      productId: '8123456789012',
      title: 'Paper Filters (100)',
      category: 'Brewing accessories',
      price: '10.5',
      currency: 'EUR',
      available: true,
      handle: 'paper-filters-100',
      imageUrl: 'https://cdn.shopify.com/filters.jpg',
      updatedAt: new Date('2026-11-22T07:00:00Z'),
    })
  })

  it.each([
    ['a draft', { status: 'draft' }],
    ['an archived product', { status: 'archived' }],
    ['an unpublished product', { published: false }],
    ['a product whose every variant is sold out', { variants: [soldOut, soldOut] }],
    ['a product without variants', { variants: [] }],
  ])('makes %s unavailable', (_case, overrides: Partial<ShopifyProductFacts>) => {
    expect(catalogueProductFromShopify(product(overrides), shop).available).toBe(false)
  })

  it.each([
    ['untracked', { ...soldOut, tracked: false }],
    ['sold on when out of stock', { ...soldOut, continueSelling: true }],
  ])('counts a sold-out variant that is %s as sellable', (_case, variant) => {
    expect(catalogueProductFromShopify(product({ variants: [soldOut, variant] }), shop).available).toBe(true)
  })

  it('leaves out what Shopify did not give: category, price and image', () => {
    const bare = catalogueProductFromShopify(product({ variants: [], productType: undefined, imageUrl: undefined }), shop) as Record<
      string,
      unknown
    >
    expect(Object.keys(bare).sort()).toEqual(['available', 'handle', 'productId', 'title', 'updatedAt'])
  })
})
