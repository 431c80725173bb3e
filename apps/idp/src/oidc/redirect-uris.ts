/**
 * Keycloak's redirect URI rule: an exact match, or a prefix match when the registered URI ends with
 * "*" (compared without the query string unless the pattern has one). The candidate is normalised
 * first (URL parsing resolves "/../" segments) so a wildcard cannot be escaped with dot segments.
 */
export function allowRedirect(registered: readonly string[], candidate: string): boolean {
  const parsed = URL.parse(candidate);
  if (!parsed || parsed.hash) return false;
  const normalised = parsed.href;
  const withoutQuery = `${parsed.origin}${parsed.pathname}`;
  return registered.some((pattern) => {
    if (pattern === '*') return true;
    if (!pattern.endsWith('*')) return pattern === candidate || pattern === normalised;
    const prefix = pattern.slice(0, -1);
    return (prefix.includes('?') ? normalised : withoutQuery).startsWith(prefix);
  });
}
