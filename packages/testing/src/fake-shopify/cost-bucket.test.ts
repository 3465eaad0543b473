import { describe, expect, it } from 'vitest'
import { CostBucket } from './cost-bucket.ts'

describe('CostBucket', () => {
  it('admits a query the bucket can pay for and charges its actual cost', () => {
    const bucket = new CostBucket({ maximumAvailable: 100, restoreRate: 10 }, 0)
    expect(bucket.take(80, () => 30, 0)).toEqual({ admitted: true, availableBefore: 100 })
    expect(bucket.status(0)).toEqual({ maximumAvailable: 100, restoreRate: 10, currentlyAvailable: 70 })
  })

  it('refuses a query whose requested cost exceeds what is available, charging nothing', () => {
    const bucket = new CostBucket({ maximumAvailable: 100, restoreRate: 10 }, 0)
    bucket.drain(0)
    expect(bucket.take(50, () => 50, 4_000)).toEqual({ admitted: false, availableBefore: 40 })
    expect(bucket.take(50, () => 50, 5_000).admitted).toBe(true)
  })

  it('refills at restoreRate per second up to its size', () => {
    const bucket = new CostBucket({ maximumAvailable: 100, restoreRate: 10 }, 0)
    bucket.drain(0)
    expect(bucket.status(2_500).currentlyAvailable).toBe(25)
    expect(bucket.status(60_000).currentlyAvailable).toBe(100)
  })
})
