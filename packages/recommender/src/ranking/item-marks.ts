import type { PairingModel } from '../mining/pairing-model.ts'

/**
 * A set of item numbers for one request, kept as stamps in a per-model array: adding and asking are
 * one array access each, and a new request starts empty without clearing anything. A customer who
 * owns 2,000 products costs 2,000 writes, not a hash set grown and rehashed on every call. Valid until
 * the next {@link ItemMarks.start} on the same model; requests are synchronous, so none overlap.
 * @internal
 */
export class ItemMarks {
  private static readonly byModel = new WeakMap<PairingModel, ItemMarks>()
  private readonly stamps: Uint32Array
  private stamp = 0

  private constructor(itemCount: number) {
    this.stamps = new Uint32Array(itemCount)
  }

  /** The model's marks, emptied. */
  static start(model: PairingModel): ItemMarks {
    let marks = ItemMarks.byModel.get(model)
    if (!marks) {
      marks = new ItemMarks(model.products.size)
      ItemMarks.byModel.set(model, marks)
    }
    marks.stamp = (marks.stamp + 1) >>> 0
    // After 2³² requests the stamps wrap: start afresh rather than mistake old marks for new.
    if (marks.stamp === 0) {
      marks.stamps.fill(0)
      marks.stamp = 1
    }
    return marks
  }

  /** Marks `item`; false when it was marked already. */
  add(item: number): boolean {
    if (this.stamps[item] === this.stamp) return false
    this.stamps[item] = this.stamp
    return true
  }

  has(item: number): boolean {
    return this.stamps[item] === this.stamp
  }
}
