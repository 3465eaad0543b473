import { GrowableArray } from './growable-array.ts'
import type { PairCounts, PairLimits } from './pair-counts.ts'

/** Shrinks pair scores of rarely bought items towards 0, so three lucky baskets do not outrank 300. */
const cosineShrink = 10

/**
 * Counts one row of pairs at a time in a dense counter indexed by partner, remembering which entries
 * it touched (a sparse accumulator). Every increment is an array write in a cache-sized buffer, with
 * no per-pair object or hash lookup; the touched list makes resetting and emitting cost only what the
 * row holds.
 * @internal
 */
export class PairRowAccumulator {
  private readonly counts: Uint32Array
  private readonly touched: Uint32Array
  private touchedCount = 0
  private sortKeys = new Float64Array(1024)
  private readonly offsets: Uint32Array
  private readonly partners: GrowableArray<Uint32Array<ArrayBuffer>>
  private readonly pairCounts: GrowableArray<Uint32Array<ArrayBuffer>>
  private nextRow = 0
  private readonly minSupport: number
  private readonly maxPartners: number

  constructor(
    private readonly itemCount: number,
    limits: PairLimits = {},
  ) {
    this.counts = new Uint32Array(itemCount)
    this.touched = new Uint32Array(itemCount)
    this.offsets = new Uint32Array(itemCount + 1)
    this.minSupport = Math.max(1, limits.minSupport ?? 1)
    this.maxPartners = limits.maxPartners ?? Number.POSITIVE_INFINITY
    // With a partner limit the output can never outgrow itemCount × maxPartners: reserving that
    // once costs only address space (pages are touched as rows are written) and spares the copies,
    // and the moment of old plus new buffer, that growing would cost on a 100 k-item catalogue.
    const reserve = Number.isFinite(this.maxPartners) ? itemCount * this.maxPartners : 1 << 16
    this.partners = GrowableArray.uint32(reserve)
    this.pairCounts = GrowableArray.uint32(reserve)
  }

  /** Counts one more event pairing the current row with `partner`. */
  add(partner: number): void {
    if (this.counts[partner]!++ === 0) this.touched[this.touchedCount++] = partner
  }

  /** Adds every item of `items[from..to)` except `skip` (the row's own item). */
  addRange(items: Uint32Array, from: number, to: number, skip: number): void {
    const counts = this.counts
    for (let position = from; position < to; position++) {
      const partner = items[position]!
      if (partner !== skip && counts[partner]!++ === 0) this.touched[this.touchedCount++] = partner
    }
  }

  /** Writes the current row (most frequent partners first) and starts the next one. */
  endRow(): void {
    const { counts, touched, itemCount } = this
    if (this.touchedCount > this.sortKeys.length) this.sortKeys = new Float64Array(this.touchedCount * 2)
    const keys = this.sortKeys
    let kept = 0
    for (let position = 0; position < this.touchedCount; position++) {
      const partner = touched[position]!
      const count = counts[partner]!
      counts[partner] = 0
      // One number orders by count descending, then partner ascending: sorting it ascending as
      // -(count * itemCount) + partner needs no comparator call per element.
      if (count >= this.minSupport) keys[kept++] = -count * itemCount + partner
    }
    this.touchedCount = 0
    const emitted = Math.min(kept, this.maxPartners)
    // A best seller meets most of the catalogue: select its top partners before sorting just those.
    if (emitted < kept) selectSmallest(keys, kept, emitted)
    const row = keys.subarray(0, emitted).sort()
    for (let position = 0; position < emitted; position++) {
      const key = row[position]!
      const partner = ((key % itemCount) + itemCount) % itemCount
      this.partners.push(partner)
      this.pairCounts.push((partner - key) / itemCount)
    }
    this.offsets[++this.nextRow] = this.partners.length
  }

  /** The finished rows with their shrunk cosine scores; every row must have been ended. */
  finish(totals: Pick<PairCounts, 'rowTotals' | 'partnerTotals' | 'eventCount'>): PairCounts {
    if (this.nextRow !== this.itemCount) throw new Error(`ended ${this.nextRow} of ${this.itemCount} rows`)
    const partners = this.partners.finish()
    const counts = this.pairCounts.finish()
    const scores = new Float32Array(partners.length)
    for (let item = 0; item < this.itemCount; item++) {
      for (let position = this.offsets[item]!; position < this.offsets[item + 1]!; position++) {
        const spread = Math.sqrt(totals.rowTotals[item]! * totals.partnerTotals[partners[position]!]!)
        scores[position] = counts[position]! / (spread + cosineShrink)
      }
    }
    return { itemCount: this.itemCount, offsets: this.offsets, partners, counts, scores, ...totals }
  }
}

/**
 * Reorders `keys[0..length)` so that its `count` smallest values come first, in any order
 * (quickselect with a median-of-three pivot; linear on average).
 */
function selectSmallest(keys: Float64Array, length: number, count: number): void {
  let low = 0
  let high = length - 1
  while (low < high) {
    const middle = (low + high) >>> 1
    const pivot = medianOfThree(keys[low]!, keys[middle]!, keys[high]!)
    let left = low
    let right = high
    while (left <= right) {
      while (keys[left]! < pivot) left++
      while (keys[right]! > pivot) right--
      if (left <= right) {
        const swap = keys[left]!
        keys[left++] = keys[right]!
        keys[right--] = swap
      }
    }
    // Now keys[low..right] ≤ pivot ≤ keys[left..high]; keep partitioning the side holding position count - 1.
    if (count - 1 <= right) high = right
    else if (count - 1 >= left) low = left
    else return
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c))
}
