/** What one simulated customer was sent and what counts as a hit for them. */
export interface SentAndBought {
  /** Product ids of each email sent, in sending order (empty when none was sent). */
  sent: readonly (readonly string[])[]
  /** Products of the customer's next order that count as a hit. */
  truth: ReadonlySet<string>
}

/** How often what the journeys sent was bought next. Rates are 0 when there is nothing to divide by. */
export interface SentHitRates {
  cases: number
  emailed: number
  /** Emailed customers whose first email's product was in their next order (comparable to HR@1). */
  firstEmail: number
  /** Emailed customers who bought any product they were sent (comparable to HR@k, k = emails sent). */
  anyEmail: number
  /** Same, over every case: a customer who got no email counts as a miss. */
  anyEmailOverAllCases: number
}

/** Hit rates of what was actually sent against what each customer bought next. */
export function sentHitRates(cases: readonly SentAndBought[]): SentHitRates {
  let emailed = 0
  let firstHits = 0
  let anyHits = 0
  for (const { sent, truth } of cases) {
    if (sent.length === 0) continue
    emailed++
    if (sent[0]!.some((productId) => truth.has(productId))) firstHits++
    if (sent.some((products) => products.some((productId) => truth.has(productId)))) anyHits++
  }
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of)
  return {
    cases: cases.length,
    emailed,
    firstEmail: share(firstHits, emailed),
    anyEmail: share(anyHits, emailed),
    anyEmailOverAllCases: share(anyHits, cases.length),
  }
}
