import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { assertPortFree, freePort, PortInUseError } from './ports.ts'

describe('assertPortFree', () => {
  it('passes for a free port', async () => {
    await expect(assertPortFree(await freePort(), 'test server', 'TEST_PORT')).resolves.toBeUndefined()
  })

  it('names the port, its purpose and the variable that moves it when taken', async () => {
    const server = createServer()
    const port = await new Promise<number>((resolve) =>
      server.listen({ port: 0, host: '127.0.0.1' }, () => resolve((server.address() as { port: number }).port)),
    )
    try {
      const failure = assertPortFree(port, 'Temporal Web UI', 'CROSSWISE_TEMPORAL_UI_PORT')
      await expect(failure).rejects.toBeInstanceOf(PortInUseError)
      await expect(failure).rejects.toThrow(`Port ${port} (Temporal Web UI) is already in use`)
      await expect(failure).rejects.toThrow('CROSSWISE_TEMPORAL_UI_PORT')
    } finally {
      server.close()
    }
  })
})
