/**
 * A dense numbering of ids (0, 1, 2, …), of products or customers, so that mining can keep their
 * facts in typed arrays indexed by number instead of objects keyed by string.
 */
export class ItemIndex {
  private readonly numbers = new Map<string, number>()
  private readonly names: string[] = []

  /** Builds an index whose numbers follow the order of `ids` (duplicates keep their first place). */
  static of(ids: Iterable<string>): ItemIndex {
    const index = new ItemIndex()
    for (const id of ids) index.intern(id)
    return index
  }

  /** How many ids are numbered. */
  get size(): number {
    return this.names.length
  }

  /** The number of `id`, assigning the next free one on first sight. */
  intern(id: string): number {
    const known = this.numbers.get(id)
    if (known !== undefined) return known
    const number = this.names.length
    this.numbers.set(id, number)
    this.names.push(id)
    return number
  }

  /** The number of `id`, or `undefined` when the index has never seen it. */
  find(id: string): number | undefined {
    return this.numbers.get(id)
  }

  /** The id numbered `number`; throws on a number the index never gave out. */
  id(number: number): string {
    const name = this.names[number]
    if (name === undefined) throw new RangeError(`nothing numbered ${number}`)
    return name
  }

  /** Every id, in number order. */
  ids(): readonly string[] {
    return this.names
  }
}

/** Orders ids by UTF-16 code units, the same everywhere (unlike `localeCompare`). @internal */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
