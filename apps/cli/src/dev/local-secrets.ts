import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * A secret of the local stack: the configured value when set, otherwise one generated on the first
 * run and kept in the data folder (readable by its owner only), so it survives restarts.
 */
async function localSecret(configured: string | undefined, dataDir: string, name: string, make: () => string): Promise<string> {
  if (configured) return configured
  const file = join(dataDir, name)
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  const secret = make()
  await mkdir(dataDir, { recursive: true })
  await writeFile(file, `${secret}\n`, { mode: 0o600 })
  return secret
}

/** The secrets `npm run dev` runs with. */
export interface LocalSecrets {
  /** The admin API's bearer token (`CROSSWISE_ADMIN_TOKEN`, else `.data/admin-token`). */
  adminToken: string
  /** Encrypts journey payloads and seals stores' keys (`CROSSWISE_PAYLOAD_KEY`, else `.data/payload-key`). */
  payloadKey: string
  /** The codec-only credential in the Temporal UI's codec endpoint (`CROSSWISE_CODEC_TOKEN`, else `.data/codec-token`). */
  codecToken: string
}

/** The local stack's secrets: encryption is on in development too, so what runs here is what ships. */
export async function localSecrets(
  configured: {
    CROSSWISE_ADMIN_TOKEN?: string | undefined
    CROSSWISE_PAYLOAD_KEY?: string | undefined
    CROSSWISE_CODEC_TOKEN?: string | undefined
  },
  dataDir: string,
): Promise<LocalSecrets> {
  const token = () => randomBytes(24).toString('base64url')
  return {
    adminToken: await localSecret(configured.CROSSWISE_ADMIN_TOKEN, dataDir, 'admin-token', token),
    payloadKey: await localSecret(configured.CROSSWISE_PAYLOAD_KEY, dataDir, 'payload-key', () => randomBytes(32).toString('base64')),
    codecToken: await localSecret(configured.CROSSWISE_CODEC_TOKEN, dataDir, 'codec-token', token),
  }
}
