import { FakeGraphqlError, type FieldResolver } from './execute.ts'

/** A variant as a test describes it; what is left out takes Shopify's defaults. */
export interface FakeShopifyVariantInput {
  /** Decimal string, e.g. `"19.90"`. */
  price: string
  inventoryQuantity?: number
  /** Default `DENY`: no sales when out of stock. */
  inventoryPolicy?: 'DENY' | 'CONTINUE'
  /** Whether Shopify counts its stock; default true. */
  tracked?: boolean
}

/** A product as a test describes it; what is left out takes a plausible default. */
export interface FakeShopifyProductInput {
  /** The numeric id webhooks carry (may exceed 2^53: give a string). */
  id: string | number
  title: string
  /** Default: the title in kebab case. */
  handle?: string
  productType?: string
  /** Default `ACTIVE`. */
  status?: 'ACTIVE' | 'DRAFT' | 'ARCHIVED'
  /** Published to the online store (then `onlineStoreUrl` is set); default true. */
  published?: boolean
  /** Default: when it was put into the fake. */
  updatedAt?: string | Date
  imageUrl?: string
  /** Default: one variant at 10.00 with 10 in stock. */
  variants?: FakeShopifyVariantInput[]
}

/** A product as the fake keeps it. */
export interface FakeShopifyProduct {
  id: string
  title: string
  handle: string
  productType: string
  status: 'ACTIVE' | 'DRAFT' | 'ARCHIVED'
  published: boolean
  updatedAt: Date
  imageUrl: string | null
  variants: Required<FakeShopifyVariantInput>[]
}

const maxPageSize = 250

/** An opaque cursor after a position (Shopify's are opaque base64 too). */
const cursorOf = (position: string): string => Buffer.from(JSON.stringify({ last_id: position }), 'utf8').toString('base64url')

function positionOf(cursor: unknown): string | undefined {
  if (cursor === null || cursor === undefined) return undefined
  try {
    const parsed = JSON.parse(Buffer.from(String(cursor), 'base64url').toString('utf8')) as { last_id?: unknown }
    if (typeof parsed.last_id === 'string') return parsed.last_id
  } catch {
    // answered below
  }
  throw new FakeGraphqlError(`Invalid cursor for current pagination: ${String(cursor)}`, 'BAD_REQUEST')
}

/** A page of a connection in Shopify's shape, after `args.after`, ordered by `key`. */
function connection<T>(
  items: T[],
  key: (item: T) => string,
  node: (item: T) => Record<string, unknown>,
  args: Record<string, unknown>,
): unknown {
  const first = args.first
  if (typeof first !== 'number' || !Number.isInteger(first))
    throw new FakeGraphqlError('you must provide one of first or last', 'BAD_REQUEST')
  if (first < 0 || first > maxPageSize)
    throw new FakeGraphqlError(`The first argument must be between 0 and ${maxPageSize}.`, 'BAD_REQUEST')
  const after = positionOf(args.after)
  const start = after === undefined ? 0 : items.findIndex((item) => compareKeys(key(item), after) > 0)
  const rest = start < 0 ? [] : items.slice(start)
  const page = rest.slice(0, first)
  const edges = page.map((item) => ({ cursor: cursorOf(key(item)), node: node(item) }))
  return {
    __typename: 'Connection',
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: rest.length > page.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    nodes: edges.map((edge) => edge.node),
    edges: edges.map((edge) => ({ __typename: 'Edge', ...edge })),
  }
}

/** Numeric ids compare as numbers (they exceed 2^53), as Shopify's `sortKey: ID` orders them. */
function compareKeys(a: string, b: string): number {
  const [x, y] = [BigInt(a), BigInt(b)]
  return x < y ? -1 : x > y ? 1 : 0
}

/** The products of one fake shop, and the root of its GraphQL answers. */
export class FakeShopifyCatalogue {
  private readonly products = new Map<string, FakeShopifyProduct>()

  constructor(
    readonly shopDomain: string,
    readonly shopName: string,
    readonly currencyCode: string,
  ) {}

  /** Adds or replaces a product; `updatedAt` defaults to now (a change in Shopify). */
  setProduct(input: FakeShopifyProductInput): FakeShopifyProduct {
    const id = String(input.id)
    if (!/^\d+$/.test(id)) throw new Error(`A fake Shopify product id must be numeric, not ${id}`)
    const product: FakeShopifyProduct = {
      id,
      title: input.title,
      handle:
        input.handle ??
        (input.title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') ||
          id),
      productType: input.productType ?? '',
      status: input.status ?? 'ACTIVE',
      published: input.published ?? true,
      updatedAt: new Date(input.updatedAt ?? Date.now()),
      imageUrl: input.imageUrl ?? null,
      variants: (input.variants ?? [{ price: '10.00' }]).map((variant) => ({
        price: variant.price,
        inventoryQuantity: variant.inventoryQuantity ?? 10,
        inventoryPolicy: variant.inventoryPolicy ?? 'DENY',
        tracked: variant.tracked ?? true,
      })),
    }
    this.products.set(id, product)
    return product
  }

  /** Deletes a product, as a merchant does in Shopify; returns whether it existed. */
  deleteProduct(id: string | number): boolean {
    return this.products.delete(String(id))
  }

  /** A product by numeric id. */
  product(id: string | number): FakeShopifyProduct | undefined {
    return this.products.get(String(id))
  }

  /** Every product, by id. */
  list(): FakeShopifyProduct[] {
    return [...this.products.values()].sort((a, b) => compareKeys(a.id, b.id))
  }

  /** The query root: `shop`, `products(first, after, sortKey)` and `product(id)`. */
  queryRoot(): Record<string, unknown> {
    const products: FieldResolver = (args) => {
      const unsupported = Object.keys(args).filter((name) => !['first', 'after', 'sortKey'].includes(name))
      if (unsupported.length > 0)
        throw new FakeGraphqlError(`The fake serves products(first, after, sortKey) only, not ${unsupported.join(', ')}`, 'BAD_REQUEST')
      if (args.sortKey !== undefined && args.sortKey !== null && args.sortKey !== 'ID')
        throw new FakeGraphqlError('The fake sorts products by ID only', 'BAD_REQUEST')
      return connection(
        this.list(),
        (product) => product.id,
        (product) => this.productNode(product),
        args,
      )
    }
    const product: FieldResolver = (args) => {
      const id = /^gid:\/\/shopify\/Product\/(\d+)$/.exec(String(args.id))?.[1]
      if (!id) throw new FakeGraphqlError(`Invalid global id '${String(args.id)}'`, 'BAD_REQUEST')
      const found = this.products.get(id)
      return found ? this.productNode(found) : null
    }
    return {
      __typename: 'QueryRoot',
      shop: {
        __typename: 'Shop',
        id: 'gid://shopify/Shop/1',
        name: this.shopName,
        myshopifyDomain: this.shopDomain,
        currencyCode: this.currencyCode,
      },
      products,
      product,
    }
  }

  private productNode(product: FakeShopifyProduct): Record<string, unknown> {
    const variants: FieldResolver = (args) =>
      connection(
        product.variants.map((variant, index) => ({ variant, index })),
        ({ index }) => String(index),
        ({ variant, index }) => ({
          __typename: 'ProductVariant',
          id: `gid://shopify/ProductVariant/${product.id}${String(index).padStart(3, '0')}`,
          price: variant.price,
          inventoryQuantity: variant.inventoryQuantity,
          inventoryPolicy: variant.inventoryPolicy,
          inventoryItem: { __typename: 'InventoryItem', tracked: variant.tracked },
        }),
        args,
      )
    const image = product.imageUrl ? { __typename: 'Image', url: product.imageUrl } : null
    return {
      __typename: 'Product',
      id: `gid://shopify/Product/${product.id}`,
      handle: product.handle,
      title: product.title,
      productType: product.productType,
      status: product.status,
      onlineStoreUrl: product.published ? `https://${this.shopDomain}/products/${product.handle}` : null,
      publishedAt: product.published ? product.updatedAt.toISOString() : null,
      updatedAt: product.updatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      totalInventory: product.variants.reduce((sum, variant) => sum + variant.inventoryQuantity, 0),
      tracksInventory: product.variants.some((variant) => variant.tracked),
      featuredImage: image,
      featuredMedia: image ? { __typename: 'MediaImage', preview: { __typename: 'MediaPreviewImage', image } } : null,
      variants,
    }
  }
}
