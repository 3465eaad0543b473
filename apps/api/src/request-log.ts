import type { FastifyRequest } from 'fastify'

/**
 * How a request appears in the log: its method and route with only the store filled in
 * (`/v1/admin/stores/acme/journeys/:customerId`), never a customer's id from the path or an email
 * from the query string (`?email=…`), since logs outlive an erasure.
 */
export function requestLogEntry(request: FastifyRequest): Record<string, unknown> {
  const route = request.routeOptions.url
  const { storeId } = (request.params ?? {}) as { storeId?: unknown }
  const path = request.url.split('?', 1)[0]!
  return {
    method: request.method,
    url: route === undefined ? path : typeof storeId === 'string' ? route.replace(':storeId', storeId) : route,
    remoteAddress: request.ip,
  }
}
