import { resolveValue, type FieldSelection } from './graphql.ts'

/** A GraphQL error as Shopify words it: a message and an `extensions.code`. */
export class FakeGraphqlError extends Error {
  override name = 'FakeGraphqlError'

  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message)
  }
}

/** A field whose value depends on its arguments (a connection, `product(id:)`). */
export type FieldResolver = (args: Record<string, unknown>) => unknown

/** Whether a field is a connection, priced by the page it asks for. */
const pageSize = (selection: FieldSelection, variables: Record<string, unknown>): number | undefined => {
  const size = resolveValue(selection.args.first ?? selection.args.last, variables)
  return typeof size === 'number' ? size : undefined
}

/**
 * What Shopify charges up front for a selection: an object 1 point, a scalar nothing, a connection
 * 2 points plus its page size times the cost of one node (as Shopify's calculated query cost).
 */
export function requestedCost(selections: FieldSelection[], variables: Record<string, unknown>): number {
  let cost = 0
  for (const selection of selections) {
    if (selection.selections.length === 0) continue
    const size = pageSize(selection, variables)
    if (size === undefined) {
      cost += 1 + requestedCost(selection.selections, variables)
      continue
    }
    let node = 0
    for (const child of selection.selections) {
      if (child.name === 'nodes') node += 1 + requestedCost(child.selections, variables)
      if (child.name === 'edges') node += requestedCost(child.selections, variables)
    }
    cost += 2 + size * node
  }
  return cost
}

/**
 * Projects resolved data onto a selection set, as a GraphQL server answers: only the fields asked
 * for, under their aliases, resolvers called with their arguments. Returns the data and its actual
 * cost (objects and connections actually returned). A field the object does not have is an error,
 * as it would be in Shopify's schema.
 */
export function project(
  value: Record<string, unknown>,
  selections: FieldSelection[],
  variables: Record<string, unknown>,
): { data: Record<string, unknown>; cost: number } {
  const data: Record<string, unknown> = {}
  let cost = 0
  for (const selection of selections) {
    if (!(selection.name in value)) {
      throw new FakeGraphqlError(
        `Field '${selection.name}' doesn't exist on type '${String(value.__typename ?? 'Object')}'`,
        'undefinedField',
      )
    }
    let raw = value[selection.name]
    if (typeof raw === 'function') {
      const args = Object.fromEntries(Object.entries(selection.args).map(([name, arg]) => [name, resolveValue(arg, variables)]))
      raw = (raw as FieldResolver)(args)
    }
    if (selection.selections.length === 0) {
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
        throw new FakeGraphqlError(`Field must have selections (field '${selection.name}' returns an object)`, 'selectionMismatch')
      }
      data[selection.key] = raw
      continue
    }
    if (raw === null || raw === undefined) {
      data[selection.key] = null
      continue
    }
    const connection = pageSize(selection, variables) !== undefined
    const items = Array.isArray(raw) ? raw : [raw]
    const projected = items.map((item) => project(item as Record<string, unknown>, selection.selections, variables))
    data[selection.key] = Array.isArray(raw) ? projected.map((item) => item.data) : projected[0]!.data
    // A connection's page is 2 points and each node 1 (its `nodes` list below); page info is free.
    cost +=
      (connection ? 2 : Array.isArray(raw) || selection.name === 'pageInfo' ? 0 : 1) + projected.reduce((sum, item) => sum + item.cost, 0)
    if (Array.isArray(raw) && selection.name === 'nodes') cost += items.length
  }
  return { data, cost }
}
