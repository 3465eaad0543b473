import { defineQuery, defineSignal } from '@temporalio/workflow'
import type { JourneyState, OrderPlaced } from './journey-types.ts'

/** An order of the customer was recorded; carries the dispatch's event key for de-duplication. */
export const orderPlacedSignal = defineSignal<[OrderPlaced]>('orderPlaced')

/** The journey's current state, for the API, the CLI and the Temporal UI. */
export const journeyStateQuery = defineQuery<JourneyState>('journeyState')
