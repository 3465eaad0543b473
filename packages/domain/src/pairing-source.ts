import { z } from 'zod'

/**
 * Where a journey's pick came from, most trusted first: the store's own pairing, one mined from its
 * orders, the best seller of the order's category, or one of the store's best sellers overall.
 */
export const pairingSourceSchema = z.enum(['manual', 'mined', 'best-seller', 'store-best-seller'])
export type PairingSource = z.infer<typeof pairingSourceSchema>
