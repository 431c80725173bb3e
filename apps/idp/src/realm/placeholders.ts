/**
 * Keycloak's realm import replaces `${VAR}` and `${VAR:default}` with environment variables before
 * reading the JSON. We do the same on every string value of the parsed document (so a value holding
 * quotes cannot break the JSON), and refuse unresolved placeholders instead of silently keeping the
 * literal text (a client secret of "${VELOSI_AUTH_CLIENT_SECRET}" would be a nasty surprise).
 */
const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_.]*)(?::([^}]*))?\}/g;

export type Env = Readonly<Record<string, string | undefined>>;

export class UnresolvedPlaceholderError extends Error {
  constructor(readonly variables: string[]) {
    super(`realm file placeholders without value or default: ${variables.join(', ')}`);
  }
}

export function substituteString(value: string, env: Env, missing: Set<string>): string {
  return value.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
    const fromEnv = env[name];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    if (fallback !== undefined) return fallback;
    missing.add(name);
    return whole;
  });
}

function walk(node: unknown, env: Env, missing: Set<string>): unknown {
  if (typeof node === 'string') return substituteString(node, env, missing);
  if (Array.isArray(node)) return node.map((item) => walk(item, env, missing));
  if (node !== null && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, env, missing)]));
  }
  return node;
}

/** Returns a copy of `document` with every placeholder substituted; throws on unresolved ones. */
export function substitutePlaceholders(document: unknown, env: Env): unknown {
  const missing = new Set<string>();
  const result = walk(document, env, missing);
  if (missing.size > 0) throw new UnresolvedPlaceholderError([...missing].sort());
  return result;
}
