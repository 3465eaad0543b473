import { describe, expect, it } from 'vitest'
import { cataloguePageSchema, listedProducts, numericShopifyId } from './catalogue-query.ts'

const node = {
  id: 'gid://shopify/Product/9223372036854772001',
  handle: 'pour-over-kettle',
  title: 'Pour-over Kettle',
  productType: 'Kettles ',
  status: 'ACTIVE',
  onlineStoreUrl: 'https://brewline.example/products/pour-over-kettle',
  updatedAt: '2026-11-22T08:00:00Z',
  featuredMedia: { preview: { image: { url: 'https://cdn.shopify.com/kettle.jpg' } } },
  variants: {
    pageInfo: { hasNextPage: false, endCursor: 'v2' },
    nodes: [
      { price: '39.90', inventoryQuantity: 0, inventoryPolicy: 'DENY', inventoryItem: { tracked: true } },
      { price: '34.90', inventoryQuantity: 0, inventoryPolicy: 'CONTINUE', inventoryItem: { tracked: true } },
    ],
  },
}
const page = (nodes: unknown[]) => cataloguePageSchema.parse({ products: { pageInfo: { hasNextPage: false, endCursor: null }, nodes } })

describe('listedProducts', () => {
  it('maps a GraphQL product to the facts the catalogue rule reads, keeping big ids exact', () => {
    expect(listedProducts(page([node]))).toEqual([
      {
        gid: node.id,
        facts: {
          productId: '9223372036854772001',
          handle: 'pour-over-kettle',
          title: 'Pour-over Kettle',
          productType: 'Kettles',
          status: 'active',
          published: true,
          updatedAt: new Date('2026-11-22T08:00:00Z'),
          variants: [
            { price: '39.90', tracked: true, continueSelling: false, quantity: 0 },
            { price: '34.90', tracked: true, continueSelling: true, quantity: 0 },
          ],
          imageUrl: 'https://cdn.shopify.com/kettle.jpg',
        },
      },
    ])
  })

  it('reads an unpublished product without image or type, and notes where more variants start', () => {
    const [listed] = listedProducts(
      page([
        {
          ...node,
          onlineStoreUrl: null,
          featuredMedia: null,
          productType: '',
          variants: { ...node.variants, pageInfo: { hasNextPage: true, endCursor: 'v2' } },
        },
      ]),
    )
    expect(listed?.facts).toMatchObject({ published: false })
    expect(listed?.facts).not.toHaveProperty('imageUrl')
    expect(listed?.facts).not.toHaveProperty('productType')
    expect(listed?.moreVariantsAfter).toBe('v2')
  })

  it('counts a variant without an inventory item as untracked', () => {
    const [listed] = listedProducts(
      page([{ ...node, variants: { ...node.variants, nodes: [{ ...node.variants.nodes[0], inventoryItem: null }] } }]),
    )
    expect(listed?.facts.variants[0]?.tracked).toBe(false)
  })

  it('refuses an answer that is not a product page', () => {
    expect(() => page([{ ...node, id: 'gid://shopify/Collection/1' }])).toThrow(/product gid/)
  })
})

describe('numericShopifyId', () => {
  it('takes the numeric tail of a gid', () => {
    expect(numericShopifyId('gid://shopify/Product/8123456789012')).toBe('8123456789012')
    expect(() => numericShopifyId('gid://shopify/Product/')).toThrow()
  })
})
