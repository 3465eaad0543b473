type NumberArray = Uint32Array<ArrayBuffer> | Float64Array<ArrayBuffer>

/**
 * An append-only typed array that grows by half its size when full, so mining can collect millions
 * of numbers without a JS array of boxed values.
 * @internal
 */
export class GrowableArray<A extends NumberArray> {
  private buffer: A
  private used = 0

  private constructor(
    private readonly allocate: (length: number) => A,
    initialCapacity: number,
  ) {
    this.buffer = allocate(Math.max(16, initialCapacity))
  }

  /** A growable array of unsigned 32-bit integers. */
  static uint32(initialCapacity = 1024): GrowableArray<Uint32Array<ArrayBuffer>> {
    return new GrowableArray((length) => new Uint32Array(length), initialCapacity)
  }

  /** A growable array of doubles. */
  static float64(initialCapacity = 1024): GrowableArray<Float64Array<ArrayBuffer>> {
    return new GrowableArray((length) => new Float64Array(length), initialCapacity)
  }

  /** Number of values appended so far. */
  get length(): number {
    return this.used
  }

  push(value: number): void {
    if (this.used === this.buffer.length) this.grow(this.used + 1)
    this.buffer[this.used++] = value
  }

  /** Replaces the value at `index`, which must be below `length`. */
  set(index: number, value: number): void {
    this.buffer[index] = value
  }

  /** Adds `delta` to the value at `index`, which must be below `length`. */
  addAt(index: number, delta: number): void {
    this.buffer[index]! += delta
  }

  /** Appends `values[from..to)`. */
  pushRange(values: ArrayLike<number>, from: number, to: number): void {
    if (this.used + to - from > this.buffer.length) this.grow(this.used + to - from)
    for (let index = from; index < to; index++) this.buffer[this.used++] = values[index]!
  }

  /**
   * The values as a view on the buffer, without a copy: copying would double the peak memory of a
   * 10 M-order mining run, while the unused tail of a fresh buffer is never touched and so costs no
   * resident memory. Do not push after finishing.
   */
  finish(): A {
    return this.buffer.subarray(0, this.used) as A
  }

  private grow(needed: number): void {
    const next = this.allocate(Math.max(needed, Math.ceil(this.buffer.length * 1.5)))
    next.set(this.buffer.subarray(0, this.used))
    this.buffer = next
  }
}
