import { describe, expect, it } from 'vitest'
import { invertPositiveDefinite } from './dense-inverse.ts'

function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const product = new Float64Array(n * n)
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) product[i * n + j]! += a[i * n + k]! * b[k * n + j]!
  return product
}

/** A symmetric positive definite matrix: MᵀM plus a ridge, from a small deterministic generator. */
function spd(n: number): Float64Array {
  let seed = 7
  const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647
  const m = Float64Array.from({ length: n * n }, next)
  const a = new Float64Array(n * n)
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j]! += m[k * n + i]! * m[k * n + j]!
  for (let i = 0; i < n; i++) a[i * n + i]! += 0.5
  return a
}

describe('invertPositiveDefinite', () => {
  it('inverts a small matrix exactly', () => {
    // [[4, 2], [2, 3]]⁻¹ = [[3, -2], [-2, 4]] / 8
    const inverse = invertPositiveDefinite(Float64Array.of(4, 2, 2, 3), 2)
    expect(Array.from(inverse)).toEqual([0.375, -0.25, -0.25, 0.5])
  })

  it.each([1, 7, 8, 9, 17, 40])('gives A·A⁻¹ = I for size %i (whole and partial pivot blocks)', (n) => {
    const a = spd(n)
    const identity = multiply(a, invertPositiveDefinite(a.slice(), n), n)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(identity[i * n + j]).toBeCloseTo(i === j ? 1 : 0, 9)
  })

  it('refuses a matrix that is not positive definite', () => {
    expect(() => invertPositiveDefinite(Float64Array.of(1, 2, 2, 1), 2)).toThrow(/not positive definite/)
    expect(() => invertPositiveDefinite(new Float64Array(3), 2)).toThrow(RangeError)
  })
})
