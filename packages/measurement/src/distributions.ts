/**
 * The two distributions the intervals need, computed here rather than pulled from a statistics
 * library: the standard normal and Student's t, each as a CDF and a quantile.
 */

/** erf to about 1e-14: its Maclaurin series near zero, the continued fraction of erfc in the tail. */
function erf(x: number): number {
  const sign = Math.sign(x)
  const z = Math.abs(x)
  if (z < 2.5) {
    let term = z
    let sum = z
    for (let n = 1; n < 60; n++) {
      term *= (-z * z) / n
      sum += term / (2 * n + 1)
    }
    return (sign * 2 * sum) / Math.sqrt(Math.PI)
  }
  let fraction = 0
  for (let n = 60; n >= 1; n--) fraction = n / 2 / (z + fraction)
  const erfc = Math.exp(-z * z) / Math.sqrt(Math.PI) / (z + fraction)
  return sign * (1 - erfc)
}

export function normalCdf(x: number): number {
  return 0.5 * (1 + erf(x / Math.SQRT2))
}

/** Lentz's continued fraction for the regularized incomplete beta function I_x(a, b). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  d = 1 / (Math.abs(d) < tiny ? tiny : d)
  let result = d
  for (let m = 1; m <= 300; m++) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m))
    d = 1 + even * d
    d = 1 / (Math.abs(d) < tiny ? tiny : d)
    c = 1 + even / c
    result *= d * c
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))
    d = 1 + odd * d
    d = 1 / (Math.abs(d) < tiny ? tiny : d)
    c = 1 + odd / c
    const step = d * c
    result *= step
    if (Math.abs(step - 1) < 1e-15) break
  }
  return result
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, 9 coefficients).
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ]
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const shifted = x - 1
  let sum = coefficients[0]!
  for (let index = 1; index < coefficients.length; index++) sum += coefficients[index]! / (shifted + index)
  const t = shifted + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum)
}

function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x))
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b
}

export function studentTCdf(t: number, degreesOfFreedom: number): number {
  if (!Number.isFinite(degreesOfFreedom)) return normalCdf(t)
  const tail = 0.5 * regularizedBeta(degreesOfFreedom / (degreesOfFreedom + t * t), degreesOfFreedom / 2, 0.5)
  return t >= 0 ? 1 - tail : tail
}

/** The x with cdf(x) = p, by bisection: monotone, and precise enough in 100 halvings. */
function invert(cdf: (x: number) => number, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`a quantile needs 0 < p < 1, got ${p}`)
  let low = -1e3
  let high = 1e3
  for (let step = 0; step < 100; step++) {
    const middle = (low + high) / 2
    if (cdf(middle) < p) low = middle
    else high = middle
  }
  return (low + high) / 2
}

export function normalQuantile(p: number): number {
  return invert(normalCdf, p)
}

export function studentTQuantile(p: number, degreesOfFreedom: number): number {
  return invert((t) => studentTCdf(t, degreesOfFreedom), p)
}
