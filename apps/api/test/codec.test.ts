import { createDatabase, migrateToLatest, type Db } from '@crosswise/db'
import { AesGcmPayloadCodec } from '@crosswise/journeys'
import { createTestDatabase } from '@crosswise/testing'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../src/server.ts'

const adminToken = 'admin-token-for-codec-tests'
const codecToken = 'codec-only-credential-for-tests'
const uiOrigin = 'http://localhost:8233'
const payload = {
  metadata: { encoding: Buffer.from('json/plain').toString('base64') },
  data: Buffer.from('{"email":"ada@example.com"}').toString('base64'),
}

describe('codec endpoint for the Temporal UI', () => {
  let db: Db
  let app: FastifyInstance
  beforeAll(async () => {
    db = createDatabase(await createTestDatabase('api_codec'))
    await migrateToLatest(db)
    const payloadCodec = await AesGcmPayloadCodec.fromBase64(Buffer.alloc(32, 3).toString('base64'))
    app = await buildServer({
      db,
      logger: pino({ level: 'silent' }),
      bodyLimit: 1_048_576,
      adminToken,
      codecToken,
      payloadCodec,
      temporalUiOrigins: [uiOrigin],
    })
  })
  afterAll(async () => {
    await app?.close()
    await db?.destroy()
  })

  const post = (direction: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${adminToken}` }) =>
    app.inject({ method: 'POST', url: `/codec/${direction}`, headers: { 'x-namespace': 'default', ...headers }, payload: body as object })

  it('encrypts and decrypts payloads in the codec server’s JSON shape', async () => {
    const encoded = await post('encode', { payloads: [payload] })
    expect(encoded.statusCode).toBe(200)
    const sealed = encoded.json<{ payloads: Array<{ metadata: Record<string, string>; data: string }> }>().payloads[0]!
    expect(Buffer.from(sealed.metadata.encoding!, 'base64').toString()).toBe('binary/encrypted')
    expect(Buffer.from(sealed.data, 'base64').toString('latin1')).not.toContain('ada@example.com')
    const decoded = await post('decode', { payloads: [sealed] })
    expect(decoded.json()).toEqual({ payloads: [payload] })
  })

  it('answers only to the admin token, and lets the UI’s preflight through', async () => {
    expect((await post('decode', { payloads: [payload] }, {})).statusCode).toBe(401)
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/codec/decode',
      headers: { origin: uiOrigin, 'access-control-request-method': 'POST' },
    })
    expect(preflight.statusCode).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe(uiOrigin)
    const elsewhere = await app.inject({ method: 'OPTIONS', url: '/codec/decode', headers: { origin: 'https://evil.example' } })
    expect(elsewhere.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('decodes for the Temporal UI with the codec-only credential in its path, and does nothing else with it', async () => {
    const sealed = (await post('encode', { payloads: [payload] })).json<{ payloads: unknown[] }>().payloads
    // The UI sends no header of its own: the credential is part of the endpoint it was given.
    const decoded = await post(`${codecToken}/decode`, { payloads: sealed }, { origin: uiOrigin })
    expect([decoded.statusCode, decoded.json()]).toEqual([200, { payloads: [payload] }])
    expect(decoded.headers['access-control-allow-origin']).toBe(uiOrigin)
    expect((await post('wrong-credential/decode', { payloads: sealed }, {})).statusCode).toBe(401)
    // The admin token is not a codec credential, and the codec credential cannot encode.
    expect((await post(`${adminToken}/decode`, { payloads: sealed }, {})).statusCode).toBe(401)
    expect((await post(`${codecToken}/encode`, { payloads: [payload] }, {})).statusCode).toBe(404)
  })
})
