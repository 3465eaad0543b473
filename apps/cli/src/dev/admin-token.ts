import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The admin API token of a local stack: `CROSSWISE_ADMIN_TOKEN` when set, otherwise one generated on
 * the first run and kept in the data folder, so scripts keep working across restarts.
 */
export async function localAdminToken(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured
  const file = join(dataDir, 'admin-token')
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim()
  const token = randomBytes(24).toString('base64url')
  await mkdir(dataDir, { recursive: true })
  await writeFile(file, `${token}\n`, { mode: 0o600 })
  return token
}
