import { CartesianGrid, ErrorBar, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts'

/** One estimate with its 95 % interval; a null bound is open (too few customers to bound it). */
export interface Estimate {
  label: string
  value: number
  low: number | null
  high: number | null
}

/**
 * Estimates drawn as points with their 95 % intervals as whiskers, around a zero line: whether an
 * interval crosses zero is what says if the emails made a difference. Open bounds are drawn to the
 * chart's edge.
 */
export function IntervalChart({
  estimates,
  format,
  caption,
}: {
  estimates: Estimate[]
  format: (value: number) => string
  caption: string
}) {
  const finite = estimates
    .flatMap((estimate) => [estimate.value, estimate.low, estimate.high])
    .filter((value): value is number => value !== null)
  const span = Math.max(...finite.map(Math.abs), 1e-9) * 1.2
  const points = estimates.map((estimate, index) => ({
    ...estimate,
    index,
    whisker: [estimate.value - (estimate.low ?? -span), (estimate.high ?? span) - estimate.value],
  }))
  return (
    <figure>
      <ResponsiveContainer width="100%" height={70 + 50 * estimates.length}>
        <ScatterChart margin={{ left: 8, right: 24 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" dataKey="value" domain={[-span, span]} tickFormatter={format} tick={{ fontSize: 12 }} />
          <YAxis
            type="number"
            dataKey="index"
            domain={[-0.5, estimates.length - 0.5]}
            ticks={points.map((point) => point.index)}
            tickFormatter={(index: number) => estimates[index]?.label ?? ''}
            width={150}
            reversed
            tick={{ fontSize: 12 }}
          />
          <ReferenceLine x={0} stroke="#555" />
          <Tooltip formatter={(value) => format(Number(value))} />
          <Scatter data={points} fill="#1f5fa8">
            <ErrorBar dataKey="whisker" direction="x" width={8} strokeWidth={2} stroke="#1f5fa8" />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
      <figcaption>{caption}</figcaption>
    </figure>
  )
}
