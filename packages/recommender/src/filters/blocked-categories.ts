/**
 * The categories a store's incompatible pairs rule out for an order of `triggerCategories`: the other
 * side of every pair, in either direction, with one of the order's categories.
 */
export function blockedCategories(
  triggerCategories: Iterable<string | undefined>,
  incompatibleCategories: readonly (readonly [string, string])[] = [],
): Set<string> {
  const triggers = new Set(triggerCategories)
  const blocked = new Set<string>()
  for (const [first, second] of incompatibleCategories) {
    if (triggers.has(first)) blocked.add(second)
    if (triggers.has(second)) blocked.add(first)
  }
  return blocked
}
