import { z } from 'zod'

const orderId = z.string().min(1)
const isoTime = z.iso.datetime({ offset: true })

/**
 * A recorded commerce event as its journey hears it: the wire name of the journey signal it becomes
 * and that signal's payload. Ingest writes it to the dispatch outbox, the dispatcher sends it, the
 * workflow's signal definitions take their argument types from it. The event key travels beside it.
 */
export const journeyEventSchema = z.discriminatedUnion('signal', [
  /** An order of the customer was recorded; starts or restarts the journey. */
  z.object({
    signal: z.literal('orderPlaced'),
    payload: z.object({ orderId, /** ISO 8601. */ placedAt: isoTime, productIds: z.array(z.string()) }),
  }),
  /** One of the customer's orders was fulfilled, wholly or in part. */
  z.object({
    signal: z.literal('orderFulfilled'),
    payload: z.object({
      orderId,
      /** ISO 8601. */
      fulfilledAt: isoTime,
      /** Every line of the order is fulfilled (false for a partial fulfilment). */
      complete: z.boolean(),
    }),
  }),
  /** One of the customer's orders was cancelled. */
  z.object({ signal: z.literal('orderCancelled'), payload: z.object({ orderId, /** ISO 8601. */ cancelledAt: isoTime }) }),
  /** One of the customer's orders was refunded, wholly or in part. */
  z.object({
    signal: z.literal('orderRefunded'),
    payload: z.object({
      orderId,
      /** ISO 8601. */
      refundedAt: isoTime,
      /** The whole order was refunded. */
      full: z.boolean(),
    }),
  }),
  /** The store asked us to erase the customer (GDPR `customers/redact`). */
  // Loose: `z.object({})` types as Record<string, never>, which no signal argument (payload and key) fits.
  z.object({ signal: z.literal('customerRedacted'), payload: z.object({}).loose() }),
])
export type JourneyEvent = z.infer<typeof journeyEventSchema>

/** The wire name of a journey signal: one per kind of journey event. */
export type JourneySignal = JourneyEvent['signal']

/** The payload of one kind of journey event. */
export type JourneyEventPayload<S extends JourneySignal> = Extract<JourneyEvent, { signal: S }>['payload']
