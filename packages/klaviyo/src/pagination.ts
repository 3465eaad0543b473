/**
 * The `page[cursor]` of a JSON:API `links.next` URL, or `undefined` on the last page. The SDK only
 * unpacks `https://` links itself; doing it here also works against a local fake on plain HTTP.
 */
export function nextPageCursor(links: { next?: string | null } | undefined): string | undefined {
  if (!links?.next) return undefined
  return new URL(links.next).searchParams.get('page[cursor]') ?? undefined
}
