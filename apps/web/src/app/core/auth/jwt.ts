/**
 * The `sub` of a JWT, read without checking the signature: the browser only uses it to tell
 * whether another tab's tokens belong to the same user. Never use it for an access decision (the
 * API does that with the verified token). Expiry is not read from here: see
 * MemoryAuthStorage.accessTokenExpiresAt (immune to a wrong PC clock).
 */
export function readTokenSubject(token: string | null | undefined): string | null {
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json) as Record<string, unknown>;
    return typeof claims['sub'] === 'string' ? claims['sub'] : null;
  } catch {
    return null;
  }
}
