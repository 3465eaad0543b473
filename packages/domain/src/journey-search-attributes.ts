/** Types Temporal accepts for a custom search attribute (the ones Crosswise uses). */
export type SearchAttributeKind = 'Keyword' | 'Int' | 'Datetime'

/**
 * The custom search attributes a journey keeps current, by name and type: what makes journeys
 * findable in the Temporal UI ("every VIP customer waiting for fulfilment"). A namespace must have
 * them registered before journeys start; the dev server does it at start.
 */
export const journeySearchAttributes = [
  { name: 'StoreId', type: 'Keyword' },
  { name: 'CustomerId', type: 'Keyword' },
  { name: 'CustomerSegment', type: 'Keyword' },
  { name: 'JourneyStage', type: 'Keyword' },
  { name: 'PairingId', type: 'Keyword' },
  { name: 'EmailsSent', type: 'Int' },
  { name: 'NextActionAt', type: 'Datetime' },
  { name: 'JourneyOutcome', type: 'Keyword' },
] as const satisfies ReadonlyArray<{ name: string; type: SearchAttributeKind }>
