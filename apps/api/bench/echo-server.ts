// The HTTP ceiling of this machine for the webhook benchmark: a Fastify process that reads each
// delivery and answers as the API does, with no verification and no database.
import Fastify from 'fastify'

const app = Fastify()
app.removeContentTypeParser('application/json')
app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))
app.post('/webhooks/shopify', async () => ({ duplicate: false, outcome: 'echo' }))
app.get('/health', async () => ({ status: 'ok' }))
await app.listen({ host: '127.0.0.1', port: Number(process.env.CROSSWISE_API_PORT) })
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
