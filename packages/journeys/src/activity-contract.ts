import type { z } from 'zod'

/** One activity's boundary: the schema of its input and of its output. */
export interface ActivityContract {
  input: z.ZodType
  output: z.ZodType
}

/**
 * The activity functions a set of contracts describes: a caller passes the input schema's input type
 * and gets the output schema's output type, so workflow code and the worker read one definition.
 */
export type ActivitiesOf<C extends Record<string, ActivityContract>> = {
  [K in keyof C]: (input: z.input<C[K]['input']>) => Promise<z.output<C[K]['output']>>
}

/**
 * What the worker implements for a set of contracts: each function gets its input already parsed
 * (defaults filled) and returns something its output schema accepts.
 */
export type ActivityImplementations<C extends Record<string, ActivityContract>> = {
  [K in keyof C]: (input: z.output<C[K]['input']>) => Promise<z.input<C[K]['output']>>
}
