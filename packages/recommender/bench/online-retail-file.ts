import { createReadStream, existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createGunzip } from 'node:zlib'
import { type OrderHistory, OrderHistoryBuilder, orderLineReader, splitCsvRow } from '../src/index.ts'

/** The Online Retail file committed with the repository (`data/online-retail/`, CC0, with its attribution). */
export const onlineRetailPath = fileURLToPath(new URL('../../../data/online-retail/online-retail.csv.gz', import.meta.url))

/** Whether the dataset is present on this machine. */
export function hasOnlineRetail(): boolean {
  return existsSync(onlineRetailPath)
}

/** Streams the gzipped file into an order history (protocol rules of DESIGN §6 applied). */
export async function readOnlineRetail(): Promise<OrderHistory> {
  const input = createReadStream(onlineRetailPath).pipe(createGunzip())
  const builder = new OrderHistoryBuilder()
  let reader: ReturnType<typeof orderLineReader> | undefined
  for await (const text of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    const fields = splitCsvRow(text)
    if (!reader) reader = orderLineReader(fields)
    else {
      const line = reader(fields)
      if (typeof line !== 'string') builder.add(line)
    }
  }
  return builder.build()
}
