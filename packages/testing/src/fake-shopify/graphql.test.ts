import { describe, expect, it } from 'vitest'
import { GraphqlSyntaxError, parseOperation, resolveValue } from './graphql.ts'

describe('parseOperation', () => {
  it('reads a named query with variables, arguments, aliases and nested selections', () => {
    const operation = parseOperation(`query Page($first: Int!, $after: String) {
      products(first: $first, after: $after, sortKey: ID) { pageInfo { hasNextPage } nodes { id v: variants(first: 3) { nodes { price } } } }
      shop { name } # the shop too
    }`)
    expect(operation.kind).toBe('query')
    expect(operation.name).toBe('Page')
    const [products, shop] = operation.selections
    expect(products).toMatchObject({
      key: 'products',
      name: 'products',
      args: { first: { variable: 'first' }, after: { variable: 'after' }, sortKey: { enum: 'ID' } },
    })
    expect(products?.selections[1]?.selections[1]).toMatchObject({ key: 'v', name: 'variants', args: { first: 3 } })
    expect(shop).toMatchObject({ name: 'shop', selections: [{ name: 'name' }] })
  })

  it('reads an anonymous query and a mutation', () => {
    expect(parseOperation('{ shop { name } }').selections[0]?.name).toBe('shop')
    expect(parseOperation('mutation { productDelete(input: {id: "1"}) { deletedProductId } }').kind).toBe('mutation')
  })

  it('refuses what it cannot read', () => {
    expect(() => parseOperation('query { shop { ...ShopFields } }')).toThrow(GraphqlSyntaxError)
    expect(() => parseOperation('query { shop { name }')).toThrow(GraphqlSyntaxError)
    expect(() => parseOperation('query { shop % }')).toThrow(GraphqlSyntaxError)
  })
})

describe('resolveValue', () => {
  it('substitutes variables, missing ones as null', () => {
    expect(resolveValue({ variable: 'first' }, { first: 25 })).toBe(25)
    expect(resolveValue({ variable: 'after' }, {})).toBeNull()
    expect(resolveValue([{ variable: 'a' }, { enum: 'ID' }], { a: 'x' })).toEqual(['x', 'ID'])
  })
})
