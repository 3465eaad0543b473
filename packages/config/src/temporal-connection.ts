import { readFileSync } from 'node:fs'
import type { Config } from './config.ts'

/** What a Temporal client or worker connection needs beyond its address: TLS and an API key. */
export interface TemporalSecurity {
  tls?: {
    serverNameOverride?: string
    serverRootCACertificate?: Buffer
    clientCertPair?: { crt: Buffer; key: Buffer }
  }
  apiKey?: string
}

/**
 * The TLS and API-key settings of every connection to Temporal, from the environment: plain for the
 * local dev server; TLS with the system's roots for `TEMPORAL_TLS=on` or an API key (Temporal Cloud);
 * mutual TLS with `TEMPORAL_TLS_CERT_FILE` and `TEMPORAL_TLS_KEY_FILE`. The shape fits both the
 * client's `Connection` and the worker's `NativeConnection`.
 */
export function temporalSecurity(config: Config): TemporalSecurity {
  const certFile = config.TEMPORAL_TLS_CERT_FILE
  const keyFile = config.TEMPORAL_TLS_KEY_FILE
  if (!certFile !== !keyFile) throw new Error('Set both TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE for mutual TLS, or neither.')
  const wantsTls =
    config.TEMPORAL_TLS === 'on' ||
    !!config.TEMPORAL_API_KEY ||
    !!certFile ||
    !!config.TEMPORAL_TLS_CA_FILE ||
    !!config.TEMPORAL_TLS_SERVER_NAME
  if (!wantsTls) return {}
  return {
    tls: {
      ...(config.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME } : {}),
      ...(config.TEMPORAL_TLS_CA_FILE ? { serverRootCACertificate: readFileSync(config.TEMPORAL_TLS_CA_FILE) } : {}),
      ...(certFile && keyFile ? { clientCertPair: { crt: readFileSync(certFile), key: readFileSync(keyFile) } } : {}),
    },
    ...(config.TEMPORAL_API_KEY ? { apiKey: config.TEMPORAL_API_KEY } : {}),
  }
}
