import type { ExperimentView } from '@crosswise/reports'
import { write } from '../api.ts'
import { interval, money, percent } from '../format.ts'
import { useAction, useApi } from '../useApi.ts'

/** What the sequential test says of the experiment now. */
function testState(experiment: ExperimentView): string {
  if (experiment.stoppedAt) return experiment.promoted ? `stopped; ${experiment.promoted} promoted` : 'stopped; nothing promoted'
  if (experiment.winner) return `winner: ${experiment.winner}`
  const states = experiment.variants.flatMap((variant) => (variant.versusControl ? [variant.versusControl.state] : []))
  return states.length > 0 && states.every((state) => state === 'no-difference') ? 'no difference' : 'collecting'
}

/** The store's running (or last) experiment: each variant's results with intervals, the test's state, and promoting a winner. */
export function Experiments({ storeId, onError }: { storeId: string; onError: (error: unknown) => void }) {
  const { data: experiment, problem, missing, reload } = useApi<ExperimentView>(`/v1/admin/stores/${storeId}/experiments/current`, onError)
  const { run, problem: actionProblem } = useAction(onError)
  if (missing) return <NoExperiment />
  if (problem) return <p role="alert">{problem}</p>
  if (!experiment) return <p className="status">Loading the experiment…</p>
  const promote = async (variant: string) => {
    if (await run(() => write('POST', `/v1/admin/stores/${storeId}/experiments/current/stop`, { promote: variant }))) reload()
  }
  return (
    <>
      <h1>Experiment “{experiment.name}”</h1>
      <p data-testid="experiment-state">
        Started {new Date(experiment.startedAt).toLocaleString('en-GB')}; {testState(experiment)}. Each variant needs{' '}
        {experiment.minimumSendsPerVariant} sends before the test judges it.
      </p>
      {actionProblem && (
        <p role="alert" className="problem">
          {actionProblem}
        </p>
      )}
      <div className="table-scroll">
        <table data-testid="variants">
          <caption className="sr-only">Variants and their results</caption>
          <thead>
            <tr>
              <th scope="col">Variant</th>
              <th scope="col">What it changes</th>
              <th scope="col">Sends</th>
              <th scope="col">Open rate (95 %)</th>
              <th scope="col">Click rate (95 %)</th>
              <th scope="col">Conversion (95 %)</th>
              <th scope="col">Revenue per send (95 %)</th>
              <th scope="col">Against the control</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {experiment.variants.map((variant, index) => (
              <tr key={variant.id} data-variant={variant.id}>
                <th scope="row">
                  {variant.id}
                  {index === 0 ? ' (control)' : ''}
                </th>
                <td>
                  {[
                    variant.subject && `subject “${variant.subject}”`,
                    variant.offer && `code ${variant.offer}`,
                    variant.layout,
                    variant.delayDays !== null && `${variant.delayDays} days`,
                  ]
                    .filter(Boolean)
                    .join(', ') || 'the plain email'}
                </td>
                <td data-column="sends">{variant.sends}</td>
                <td>
                  {percent(variant.openRate)} ({interval(variant.openInterval.low, variant.openInterval.high, percent)})
                </td>
                <td>
                  {percent(variant.clickRate)} ({interval(variant.clickInterval.low, variant.clickInterval.high, percent)})
                </td>
                <td>
                  {percent(variant.conversionRate)} ({interval(variant.conversionInterval.low, variant.conversionInterval.high, percent)})
                </td>
                <td>
                  {money(variant.revenuePerSend)} (
                  {interval(variant.revenuePerSendInterval.low, variant.revenuePerSendInterval.high, money)})
                </td>
                <td>
                  {variant.versusControl
                    ? `${variant.versusControl.state}${variant.versusControl.winner ? ` (${variant.versusControl.winner})` : ''}, p ${variant.versusControl.pValue.toFixed(3)}`
                    : '—'}
                </td>
                <td>
                  {!experiment.stoppedAt && (
                    <button type="button" onClick={() => void promote(variant.id)}>
                      Promote {variant.id}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

function NoExperiment() {
  return (
    <>
      <h1>Experiments</h1>
      <p className="empty">No experiment yet: start one with `POST /v1/admin/stores/{'{storeId}'}/experiments` (see the README).</p>
    </>
  )
}
