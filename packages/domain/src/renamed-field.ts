import { z } from 'zod'

/**
 * A field under its old name: sending it is an error naming the new one, so a client that has not
 * caught up with a rename hears about it instead of its value being silently dropped.
 */
export const renamedField = (newName: string) => z.never({ error: `renamed to '${newName}'` }).optional()
