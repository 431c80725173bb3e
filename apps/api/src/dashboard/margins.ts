import type { AuthUser } from '../auth/auth-user.js';

/**
 * Margins are buy prices seen from the other side: the quote API answers buy totals and margins
 * to whoever reads quotes (`quotes:read`), so the dashboard shows margins to exactly those roles.
 */
export function mayReadMargins(user: AuthUser): boolean {
  return user.permissions.includes('quotes:read');
}
