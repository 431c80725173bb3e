import type { Realm } from '../realm/load.js';
import type { BruteForceProtector } from './brute-force.js';
import type { StoredUser, UserStore } from './store.js';

export type AuthenticationResult =
  | { ok: true; user: StoredUser }
  | { ok: false; reason: 'invalid_credentials' | 'temporarily_disabled' | 'disabled'; user?: StoredUser }
  | { ok: false; reason: 'update_password'; user: StoredUser };

/**
 * Username (or e-mail when the realm allows it) + password check shared by the login page and the
 * password grant, with Keycloak's order: unknown user, disabled user, brute-force lock, password.
 * A temporarily locked user is refused even with the right password, and the caller shows the same
 * generic message as for bad credentials (no account enumeration).
 */
export async function authenticate(
  realm: Realm,
  users: UserStore,
  protector: BruteForceProtector,
  login: string,
  password: string,
  ip: string | undefined,
): Promise<AuthenticationResult> {
  const name = login.trim();
  const user =
    users.findByUsername(name) ??
    (realm.loginWithEmailAllowed && name.includes('@') ? users.findByEmail(name) : undefined);
  if (!user || user.serviceAccountClientId) return { ok: false, reason: 'invalid_credentials' };
  if (!user.enabled) return { ok: false, reason: 'disabled', user };
  if (protector.isTemporarilyDisabled(user)) return { ok: false, reason: 'temporarily_disabled', user };
  if (!password || !(await users.checkPassword(user, password))) {
    await protector.failure(user, ip);
    return { ok: false, reason: 'invalid_credentials', user };
  }
  await protector.success(user);
  if (user.requiredActions.includes('UPDATE_PASSWORD')) return { ok: false, reason: 'update_password', user };
  return { ok: true, user };
}
