/** `init` with the signed-in user's bearer token added to its headers. */
export function authorised(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } };
}
