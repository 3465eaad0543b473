import { describe, expect, it } from 'vitest'
import { throttleWaitMs } from './throttle.ts'

const bucket = { maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 50 }

describe('throttleWaitMs', () => {
  it('sends at once when the bucket holds the requested cost', () => {
    expect(throttleWaitMs(100, bucket, 0, 0)).toBe(0)
    expect(throttleWaitMs(40, bucket, 0, 0)).toBe(0)
  })

  it('waits (cost - available) / restoreRate seconds when it does not', () => {
    expect(throttleWaitMs(352, bucket, 0, 0)).toBe(5_040)
  })

  it('counts what the bucket refilled since it was reported', () => {
    expect(throttleWaitMs(352, bucket, 1_000, 3_000)).toBe(3_040)
    expect(throttleWaitMs(352, bucket, 1_000, 10_000)).toBe(0)
  })

  it('never counts a refill beyond the bucket’s size, nor time running backwards', () => {
    const full = { ...bucket, maximumAvailable: 300 }
    expect(throttleWaitMs(300, full, 0, 3_600_000)).toBe(0)
    expect(throttleWaitMs(352, bucket, 5_000, 0)).toBe(5_040)
  })

  it('waits for a full bucket at most, for a query dearer than the bucket', () => {
    expect(throttleWaitMs(5_000, { maximumAvailable: 1000, currentlyAvailable: 0, restoreRate: 100 }, 0, 0)).toBe(10_000)
  })
})
