import type { ColumnType, Generated } from 'kysely'

/**
 * Whom a store had erased, as keyed hashes of their ids and email (`subjectDigest`): enough to refuse
 * a late redelivery of an order they placed before the erasure, and nothing that names them.
 */
export interface RedactedSubjectTable {
  store_id: string
  subject: string
  redacted_at: ColumnType<Date, Date | string | undefined, Date | string>
}

/**
 * Temporal executions waiting to be deleted: one journey (`workflow_id`), or every execution of an
 * erased store (`workflow_id` null). The row goes once Temporal holds none of them.
 */
export interface JourneyErasureTable {
  /** bigserial: pg returns int8 as a string. */
  id: ColumnType<string, never, never>
  store_id: string
  workflow_id: string | null
  attempts: Generated<number>
  available_at: Generated<Date>
  last_error: string | null
  created_at: Generated<Date>
}
