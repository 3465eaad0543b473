/** How often customers react to a cross-sell email, each rate given the step before. */
export interface EngagementRates {
  opened: number
  /** Of those who opened. */
  clicked: number
  /** Of those who clicked. */
  purchased: number
}

/** Rates near what the field reports for post-purchase cross-sell emails. */
export const typicalRates: EngagementRates = { opened: 0.45, clicked: 0.3, purchased: 0.25 }

/** One reaction to an email, `afterDays` days after it went out. */
export interface Reaction {
  kind: 'opened' | 'clicked' | 'purchased'
  afterDays: number
}

/**
 * How one customer reacts to one email, drawn from `random`: an open within a day, then maybe a click
 * within hours of it, then maybe a purchase within a day of the click. Each step needs the one before.
 */
export function drawReactions(random: () => number, rates: EngagementRates = typicalRates): Reaction[] {
  if (random() >= rates.opened) return []
  const opened = random()
  const reactions: Reaction[] = [{ kind: 'opened', afterDays: opened }]
  if (random() >= rates.clicked) return reactions
  const clicked = opened + random() * 0.25
  reactions.push({ kind: 'clicked', afterDays: clicked })
  if (random() < rates.purchased) reactions.push({ kind: 'purchased', afterDays: clicked + random() })
  return reactions
}
