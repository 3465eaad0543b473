import { createServer } from 'node:net'

/** Thrown when a port a local server needs is already taken by another process. */
export class PortInUseError extends Error {
  override name = 'PortInUseError'
}

/**
 * Fails with a message naming the port, what needed it and the variable that moves it, instead of
 * letting a child server die later with an unreadable log line.
 */
export async function assertPortFree(port: number, what: string, variable: string, host = '127.0.0.1'): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)))
  })
  if (!free) {
    throw new PortInUseError(
      `Port ${port} (${what}) is already in use. Stop the process using it, or choose another port with ${variable}=<port>.`,
    )
  }
}

/** Asks the operating system for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}
