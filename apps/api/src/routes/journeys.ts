import type { Db } from '@crosswise/db'
import type { Client } from '@temporalio/client'
import type { onRequestHookHandler } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { dryRunEngagementRoutes } from './journeys/dry-run-engagement.ts'
import { journeyCountRoutes, type TemporalUiLink } from './journeys/journey-counts.ts'
import { journeyWorkflowRoutes } from './journeys/journey-workflow.ts'
import { sendLedgerRoutes } from './journeys/send-ledger.ts'

/**
 * Journey administration (admin token), one module per concern: counts per stage, the calls to a
 * journey's workflow (read, stop), the store's send ledger, and engagement recorded by hand with a dry-run email.
 */
export function journeyRoutes(
  db: Db,
  temporal: Client | undefined,
  adminAuth: onRequestHookHandler,
  temporalUi?: TemporalUiLink,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', adminAuth)
    await app.register(journeyCountRoutes(temporal, temporalUi))
    await app.register(journeyWorkflowRoutes(temporal))
    await app.register(sendLedgerRoutes(db))
    await app.register(dryRunEngagementRoutes(db))
  }
}
