import { Worker } from 'node:worker_threads'
import type { PurchaseHistory } from '@crosswise/recommender'
import { type MiningReply, miningReplySchema, packMiningRequest } from './mining-messages.ts'

// Node 20 does not hand the process's tsx hooks (`node --import tsx`, or vitest's own loader) on to
// worker threads, so the thread registers tsx itself before loading its TypeScript entry. tsx is
// the workspace's runner and sits in the root node_modules, in the worker image too.
const threadSource = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./mining-thread.ts', import.meta.url).href)}) })`

/** Options of {@link minePairingsInThread}. */
export interface ThreadMiningOptions {
  /** Partners kept per product. */
  perProduct: number
  /** Aborting terminates the thread and rejects with the signal's reason. */
  signal?: AbortSignal
}

/**
 * Mines `history` and ranks every product's best partners (`mineModel`, then `topPairings`) in a
 * worker thread, so a run that takes a minute leaves this thread's event loop free. The history's
 * typed arrays are transferred to the thread, not copied, and are unusable afterwards.
 */
export function minePairingsInThread(history: PurchaseHistory, options: ThreadMiningOptions): Promise<MiningReply> {
  const { signal } = options
  if (signal?.aborted) return Promise.reject(signal.reason)
  const { request, transfer } = packMiningRequest(history, options.perProduct)
  return new Promise<MiningReply>((resolve, reject) => {
    const thread = new Worker(threadSource, { eval: true, workerData: request, transferList: transfer })
    const stop = (): void => void thread.terminate()
    const abort = (): void => {
      stop()
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', abort, { once: true })
    thread.once('message', (raw: unknown) => {
      const reply = miningReplySchema.safeParse(raw)
      if (reply.success) resolve(reply.data)
      else reject(new Error(`the mining thread answered an unexpected message: ${reply.error.message}`))
      stop()
    })
    thread.once('error', reject)
    // After a reply or an error this changes nothing; alone, it means the thread died silently.
    thread.once('exit', (code) => {
      signal?.removeEventListener('abort', abort)
      reject(new Error(`the mining thread exited (code ${code}) without an answer`))
    })
  })
}
