export { minePairingsInThread, type ThreadMiningOptions } from './mine-in-thread.ts'
export { mineStorePairings, type MiningProgress, type StoreMiningOptions, type StoreMiningResult, UnknownStoreError } from './mine-store.ts'
export { readStoreHistory } from './store-history.ts'
