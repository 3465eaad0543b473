import { defaultJourneyPolicy, type JourneyPolicy } from '@crosswise/domain'

const day = 86_400_000

/**
 * The default journey policy with a day lasting `secondsPerDay`: every delay, wait, window and poll
 * shrinks alike, so a demo shows weeks of journeys in minutes with their proportions intact. The send
 * window opens all day, as local hours do not compress.
 */
export function compressedPolicy(secondsPerDay: number): JourneyPolicy {
  const scale = (ms: number) => Math.max(1, Math.round((ms / day) * secondsPerDay * 1000))
  const { delayMs, fulfillment, frequencyCap, engagement } = defaultJourneyPolicy
  return {
    ...defaultJourneyPolicy,
    delayMs: { 'first-time': scale(delayMs['first-time']), repeat: scale(delayMs.repeat), vip: scale(delayMs.vip) },
    sendWindow: { ...defaultJourneyPolicy.sendWindow, startHour: 0, endHour: 24 },
    fulfillment: { ...fulfillment, timeoutMs: scale(fulfillment.timeoutMs) },
    frequencyCap: { ...frequencyCap, windowMs: scale(frequencyCap.windowMs), minGapMs: scale(frequencyCap.minGapMs) },
    engagement: {
      ...engagement,
      waitMs: scale(engagement.waitMs),
      followUpDelayMs: scale(engagement.followUpDelayMs),
      pollIntervalMs: scale(engagement.pollIntervalMs),
    },
  }
}
