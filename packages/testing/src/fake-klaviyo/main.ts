/**
 * Runs a fake Klaviyo on its own, for demos and manual checks:
 *
 *   pnpm --filter @crosswise/testing exec tsx src/fake-klaviyo/main.ts [port]
 *
 * The port comes from the first argument, else `KLAVIYO_FAKE_PORT`, else 4010. Point the SDK's
 * `basePath` (or `crosswise klaviyo setup --base-url`) at the printed URL; any `pk_` key is accepted.
 */
import { startFakeKlaviyo } from './server.ts'

const port = Number(process.argv[2] ?? process.env.KLAVIYO_FAKE_PORT ?? 4010)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`fake-klaviyo: invalid port '${process.argv[2] ?? process.env.KLAVIYO_FAKE_PORT}'`)
  process.exit(2)
}
const fake = await startFakeKlaviyo({ port })
console.log(`fake Klaviyo listening on ${fake.url} (admin routes under ${fake.url}/__admin/)`)

const stop = (): void => {
  fake.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
