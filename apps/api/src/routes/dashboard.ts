import { existsSync } from 'node:fs'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync } from 'fastify'
import type { Problem } from '../errors.ts'

/**
 * The dashboard (`apps/dashboard`, built by Vite) at `/dashboard/`: static files on the API's own
 * origin, so its session cookie is same-site and it needs no CORS. The files hold no data; every
 * number comes from the admin API behind the session. Hashed assets are cached for good.
 */
export function dashboardRoutes(directory: string | undefined): FastifyPluginAsync {
  return async (app) => {
    app.get('/dashboard', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/dashboard/'))
    if (!directory || !existsSync(directory)) {
      app.get('/dashboard/*', { schema: { hide: true } }, async (_request, reply) =>
        reply.code(404).send({
          error: 'dashboard_not_built',
          message: 'The dashboard is not built: run `pnpm --filter @crosswise/dashboard build` (npm run dev and npm test do).',
        } satisfies Problem),
      )
      return
    }
    await app.register(fastifyStatic, {
      root: directory,
      prefix: '/dashboard/',
      schemaHide: true,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
        reply.header('x-content-type-options', 'nosniff')
        reply.header(
          'content-security-policy',
          "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
        )
      },
    })
  }
}
