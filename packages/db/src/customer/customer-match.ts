import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely'
import type { Database } from '../database.ts'

/** How a request names a customer: the platform's id (their own, or the account a guest later got), the email, or both. */
export interface CustomerTarget {
  customerId?: string | undefined
  /** Normalised email. */
  email?: string | undefined
}

/** Rows of `customers` the target names; no row when it names nothing. */
export function matchesCustomer(
  eb: ExpressionBuilder<Database, 'customers'>,
  target: CustomerTarget,
): ExpressionWrapper<Database, 'customers', SqlBool> {
  const { customerId, email } = target
  return eb.or([
    ...(customerId === undefined ? [] : [eb('id', '=', customerId), eb('account_id', '=', customerId)]),
    ...(email === undefined ? [] : [eb('email', '=', email)]),
  ])
}
