import { createHash } from 'node:crypto';

/**
 * Keycloak identifies realms, clients and roles by UUIDs. Ours are derived from their names so they
 * stay the same across restarts without being stored (the realm file is the source of truth).
 */
export function stableUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `5${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
