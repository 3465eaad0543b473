/** The session could not reach the admin API: not signed in, or signed out meanwhile. */
export class SignedOut extends Error {
  override name = 'SignedOut'
}

/** An answer of the admin API that is not a success, with the reason it gave. */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

async function answer<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { message?: string }
    if (response.status === 401) throw new SignedOut(problem.message ?? 'Sign in again.')
    throw new ApiError(response.status, problem.message ?? `${response.status} ${response.statusText}`)
  }
  return (response.status === 204 ? undefined : await response.json()) as T
}

/** Reads from the API with the session cookie. */
export async function read<T>(path: string): Promise<T> {
  return answer<T>(await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } }))
}

/** Changes something through the API; the header tells the API the dashboard itself asks (no other site can send it). */
export async function write<T>(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return answer<T>(
    await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { 'x-crosswise-dashboard': '1', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  )
}
