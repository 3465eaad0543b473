/** A rate as a percentage with one decimal: `0.1234` → `12.3 %`. */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`
}

/** An amount of money in the store's currency, two decimals, grouped: `1234.5` → `1,234.50`. */
export function money(amount: number | string): string {
  return Number(amount).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/** A 95 % interval as text; an open bound (null: too few customers) shows as an infinity. */
export function interval(low: number | null, high: number | null, show: (value: number) => string): string {
  return `${low === null ? '−∞' : show(low)} to ${high === null ? '+∞' : show(high)}`
}

/** A signed difference: `+1.2 pts`, `−0.4 pts`, for rates shown as percentage points. */
export function points(difference: number): string {
  const value = (difference * 100).toFixed(1)
  return `${difference >= 0 ? '+' : '−'}${value.replace('-', '')} pts`
}

/** The Temporal UI's list of the workflows a visibility query finds. */
export function temporalUiList(ui: { url: string; namespace: string }, query: string): string {
  return `${ui.url.replace(/\/$/, '')}/namespaces/${encodeURIComponent(ui.namespace)}/workflows?query=${encodeURIComponent(query)}`
}

/** Sorts rows by a column, numbers numerically and text alphabetically; a new array. */
export function sortedBy<T>(rows: readonly T[], value: (row: T) => number | string | null, descending: boolean): T[] {
  const direction = descending ? -1 : 1
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)]
    if (x === y) return 0
    if (x === null) return 1
    if (y === null) return -1
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * direction
  })
}
