const placeholderDomain = '@no-email.invalid'

/**
 * The email kept for an imported customer whose history has none (Online Retail has ids only):
 * unique per customer and undeliverable (`.invalid` is reserved), so no email can ever be sent to it.
 */
export function placeholderEmail(customerId: string): string {
  return `imported+${encodeURIComponent(customerId).toLowerCase()}${placeholderDomain}`
}

/** Whether a stored email is an import's placeholder, which the customer's first real email replaces. */
export function isPlaceholderEmail(email: string): boolean {
  return email.endsWith(placeholderDomain)
}
