import { storeIdSchema } from '@crosswise/domain'
import { z } from 'zod'

/** Path parameters of every `/v1/stores/{storeId}/…` route. */
export const storeParams = z.object({ storeId: storeIdSchema })

/** OpenAPI: these routes take the store's bearer token. */
export const storeSecurity = [{ storeToken: [] }]
