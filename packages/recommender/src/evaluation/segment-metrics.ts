import type { EvaluationCase, EvaluationSegment } from './cutoff-split.ts'
import { hitRateAt, ndcgAt, recallAt } from './metrics.ts'

/** Mean metrics over a group of cases. */
export interface SegmentMetrics {
  readonly cases: number
  readonly hitRate5: number
  readonly hitRate10: number
  readonly recall10: number
  readonly ndcg10: number
}

/** The groups reported: every case, then each segment. */
export const reportedSegments = ['all', 'first-time', 'repeat', 'top-spend'] as const

/** One of {@link reportedSegments}. */
export type ReportedSegment = 'all' | EvaluationSegment

/** Metrics of one ranker per reported segment. */
export type MetricsBySegment = Readonly<Record<ReportedSegment, SegmentMetrics>>

/** Ranks the first `k` recommendations for one case (item numbers, best first). */
export type CaseRanker = (evaluationCase: EvaluationCase, k: number) => ArrayLike<number>

/** Runs `rank` on every case and averages HR@5, HR@10, Recall@10 and NDCG@10 per segment. */
export function measureRanker(cases: readonly EvaluationCase[], rank: CaseRanker): MetricsBySegment {
  const sums = Object.fromEntries(reportedSegments.map((segment) => [segment, [0, 0, 0, 0, 0]])) as Record<ReportedSegment, number[]>
  for (const evaluationCase of cases) {
    const ranked = rank(evaluationCase, 10)
    const { truth } = evaluationCase
    const scores = [1, hitRateAt(ranked, truth, 5), hitRateAt(ranked, truth, 10), recallAt(ranked, truth, 10), ndcgAt(ranked, truth, 10)]
    for (const segment of ['all', ...evaluationCase.segments] as const) {
      const sum = sums[segment]
      scores.forEach((score, index) => (sum[index]! += score))
    }
  }
  const mean = ([count = 0, ...totals]: number[]): SegmentMetrics => {
    const [hitRate5 = 0, hitRate10 = 0, recall10 = 0, ndcg10 = 0] = totals.map((total) => (count === 0 ? 0 : total / count))
    return { cases: count, hitRate5, hitRate10, recall10, ndcg10 }
  }
  return Object.fromEntries(reportedSegments.map((segment) => [segment, mean(sums[segment])])) as MetricsBySegment
}
