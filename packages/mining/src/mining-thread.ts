import { parentPort, workerData } from 'node:worker_threads'
import { mineModel, topPairings } from '@crosswise/recommender'
import { type MiningReply, miningRequestSchema, unpackPurchaseHistory } from './mining-messages.ts'

// The entry of the thread `minePairingsInThread` starts: one request in (as workerData), one reply
// out. A failure is thrown, and reaches the caller as the thread's error.
if (!parentPort) throw new Error('mining-thread.ts runs as a worker thread only')
const request = miningRequestSchema.parse(workerData)
const model = mineModel(unpackPurchaseHistory(request))
const reply: MiningReply = {
  pairings: [...topPairings(model, { perProduct: request.perProduct })],
  ease: model.ease !== undefined,
  weights: model.weights,
}
parentPort.postMessage(reply)
