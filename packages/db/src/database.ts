import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { preparingClient } from './prepared-client.ts'
import type { CustomerTable } from './customer/customer.table.ts'
import type { DispatchTable } from './dispatch/dispatch.table.ts'
import type { FulfillmentTable } from './fulfillment/fulfillment.table.ts'
import type { OrderLineTable, OrderTable } from './order/order.table.ts'
import type { ProductTable } from './product/product.table.ts'
import type { RefundTable } from './refund/refund.table.ts'
import type { StoreTable } from './store/store.table.ts'
import type { WebhookDeliveryTable } from './webhook-delivery/webhook-delivery.table.ts'
import type { PairingTable } from './pairing/pairing.table.ts'
import type { SendLedgerTable } from './send-ledger/send-ledger.table.ts'
import type { OutboxTable } from './outbox/outbox.table.ts'
import type { DryRunEngagementTable } from './engagement/engagement.table.ts'
import type { HoldoutAssignmentTable } from './holdout/holdout.table.ts'
import type { ConversionTable } from './conversion/conversion.table.ts'
import type { MinedPairingTable, PairingModelTable, RecommendationRulesTable } from './pairing-model/pairing-model.table.ts'
import type { KlaviyoAccountTable } from './klaviyo-account/klaviyo-account.table.ts'
import type { ShopifyConnectionTable } from './shopify-connection/shopify-connection.table.ts'
import type { PairingReviewTable, RetiredPairingTable } from './pairing-review/pairing-review.table.ts'
import type { ExperimentTable } from './experiment/experiment.table.ts'
import type { SendEngagementTable } from './attribution/send-engagement.table.ts'
import type { JourneyErasureTable, RedactedSubjectTable } from './erasure/erasure.table.ts'
import type { JourneyOutcomeMarkTable, JourneyOutcomeTable } from './journey-outcome/journey-outcome.table.ts'

/** Every table Crosswise keeps, as Kysely sees it. */
export interface Database {
  stores: StoreTable
  customers: CustomerTable
  orders: OrderTable
  order_lines: OrderLineTable
  dispatches: DispatchTable
  products: ProductTable
  fulfillments: FulfillmentTable
  refunds: RefundTable
  webhook_deliveries: WebhookDeliveryTable
  pairings: PairingTable
  journey_sends: SendLedgerTable
  klaviyo_outbox: OutboxTable
  dry_run_engagements: DryRunEngagementTable
  holdout_assignments: HoldoutAssignmentTable
  journey_conversions: ConversionTable
  pairing_models: PairingModelTable
  mined_pairings: MinedPairingTable
  recommendation_rules: RecommendationRulesTable
  klaviyo_accounts: KlaviyoAccountTable
  shopify_connections: ShopifyConnectionTable
  pairing_reviews: PairingReviewTable
  experiments: ExperimentTable
  send_engagements: SendEngagementTable
  retired_pairings: RetiredPairingTable
  redacted_subjects: RedactedSubjectTable
  journey_erasures: JourneyErasureTable
  journey_outcomes: JourneyOutcomeTable
  journey_outcome_mark: JourneyOutcomeMarkTable
}

export type Db = Kysely<Database>

export interface DatabaseOptions {
  /** Pool size; the API and worker each hold one pool. */
  maxConnections?: number
  /** Per-statement limit, so a stuck query fails instead of holding a webhook or an activity. */
  statementTimeoutMs?: number
  /** Told about errors on idle pooled connections (logged by the apps). */
  onIdleError?: (error: Error) => void
  /**
   * Run up to this many distinct parameterised statements as named prepared statements, parsed and
   * planned once per connection (0 or unset: none, for a pooler that cannot keep them).
   */
  preparedStatements?: number
  /**
   * Send a connection's queries without waiting for the previous answer (pg's pipeline mode), so a
   * transaction's BEGIN travels with its first statement. Streaming queries are not supported then.
   */
  pipeline?: boolean
}

/** Opens a connection pool to PostgreSQL. Close it with `db.destroy()`. */
export function createDatabase(url: string, options: DatabaseOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    ...(options.preparedStatements ? { Client: preparingClient(options.preparedStatements) } : {}),
    ...(options.pipeline ? { pipeline: true } : {}),
  })
  // An idle connection that the server drops (restart, failover) must not crash the process; the
  // pool replaces it and the next query reports any lasting problem.
  pool.on('error', (error) => options.onIdleError?.(error))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
