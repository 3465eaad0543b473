/** How every placeholder email ends. */
export const placeholderEmailSuffix = '@no-email.invalid'

/**
 * The email kept for an imported customer whose history has none (Online Retail has ids only):
 * unique per customer and undeliverable (`.invalid` is reserved), so no email can ever be sent to it.
 */
export function placeholderEmail(customerId: string): string {
  return `imported+${encodeURIComponent(customerId).toLowerCase()}${placeholderEmailSuffix}`
}
