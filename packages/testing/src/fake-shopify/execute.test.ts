import { describe, expect, it } from 'vitest'
import { FakeShopifyCatalogue } from './catalogue.ts'
import { FakeGraphqlError, project, requestedCost } from './execute.ts'
import { parseOperation } from './graphql.ts'

const catalogue = new FakeShopifyCatalogue('tea.myshopify.com', 'Tea', 'EUR')
catalogue.setProduct({ id: 2, title: 'Green Tea', updatedAt: '2026-11-20T10:00:00Z', variants: [{ price: '5.00' }, { price: '4.00' }] })
catalogue.setProduct({ id: 1, title: 'Black Tea', published: false, updatedAt: '2026-11-20T10:00:00Z' })
const query = parseOperation(
  'query P($n: Int!, $after: String) { products(first: $n, after: $after) { pageInfo { hasNextPage endCursor } nodes { id onlineStoreUrl variants(first: 5) { nodes { price } } } } }',
)

describe('the fake’s GraphQL execution', () => {
  it('prices a query as Shopify does: objects 1, connections 2 + page size × node', () => {
    expect(requestedCost(query.selections, { n: 10 })).toBe(2 + 10 * (1 + 2 + 5))
  })

  it('answers only what was asked, in id order, paging with opaque cursors, and charges what it returned', () => {
    const first = project(catalogue.queryRoot(), query.selections, { n: 1 })
    expect(first.data).toEqual({
      products: {
        pageInfo: { hasNextPage: true, endCursor: expect.any(String) },
        nodes: [{ id: 'gid://shopify/Product/1', onlineStoreUrl: null, variants: { nodes: [{ price: '10.00' }] } }],
      },
    })
    expect(first.cost).toBe(2 + (1 + 2 + 1))
    const cursor = (first.data.products as { pageInfo: { endCursor: string } }).pageInfo.endCursor
    const second = project(catalogue.queryRoot(), query.selections, { n: 1, after: cursor })
    expect(second.data).toMatchObject({
      products: {
        pageInfo: { hasNextPage: false },
        nodes: [{ id: 'gid://shopify/Product/2', onlineStoreUrl: 'https://tea.myshopify.com/products/green-tea' }],
      },
    })
  })

  it('refuses a field Shopify’s schema does not have, and a foreign cursor', () => {
    expect(() => project(catalogue.queryRoot(), parseOperation('{ shop { nmae } }').selections, {})).toThrow(FakeGraphqlError)
    expect(() => project(catalogue.queryRoot(), query.selections, { n: 1, after: 'bm9wZQ' })).toThrow(/Invalid cursor/)
  })
})
