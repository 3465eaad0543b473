import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'
import { temporalSecurity } from './temporal-connection.ts'

describe('temporalSecurity', () => {
  it('connects plainly to a local server, over TLS with an API key, and with mutual TLS from PEM files', () => {
    expect(temporalSecurity(loadConfig({}))).toEqual({})
    expect(temporalSecurity(loadConfig({ TEMPORAL_API_KEY: 'key-1' }))).toEqual({ tls: {}, apiKey: 'key-1' })
    const dir = mkdtempSync(join(tmpdir(), 'crosswise-tls-'))
    for (const name of ['ca', 'crt', 'key']) writeFileSync(join(dir, `${name}.pem`), `-----${name}-----`)
    const mutual = temporalSecurity(
      loadConfig({
        TEMPORAL_TLS_CA_FILE: join(dir, 'ca.pem'),
        TEMPORAL_TLS_CERT_FILE: join(dir, 'crt.pem'),
        TEMPORAL_TLS_KEY_FILE: join(dir, 'key.pem'),
        TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
      }),
    )
    expect(mutual.tls?.serverNameOverride).toBe('temporal.internal')
    expect(mutual.tls?.serverRootCACertificate?.toString()).toBe('-----ca-----')
    expect(mutual.tls?.clientCertPair?.key.toString()).toBe('-----key-----')
  })

  it('refuses half a client certificate', () => {
    expect(() => temporalSecurity(loadConfig({ TEMPORAL_TLS_CERT_FILE: '/tmp/crt.pem' }))).toThrow(
      /both TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE/,
    )
  })
})
