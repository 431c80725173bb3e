import type { Realm } from '../realm/load.js';
import type { StateStore } from '../store/state-store.js';

/**
 * Keycloak "user sessions" (what the Admin API lists and logs out, and what `sid` points to). A
 * browser login is an oidc-provider Session whose uid we use as sid; a password grant has no
 * browser session, so the record here is the session. Each record remembers the grants issued in
 * it so ending the session revokes their refresh tokens.
 */
export interface UserSessionRecord {
  id: string;
  userId: string;
  username: string;
  ipAddress: string;
  /** epoch ms */
  start: number;
  lastAccess: number;
  /** epoch seconds of the authentication */
  authTime: number;
  clients: string[];
  grantIds: string[];
  browser: boolean;
}

const KIND = 'UserSession';
const TOKEN_KINDS = [
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
];

function isRecord(value: Record<string, unknown>): value is Record<string, unknown> & UserSessionRecord {
  return typeof value.id === 'string' && typeof value.userId === 'string';
}

export class UserSessions {
  constructor(
    private readonly store: StateStore,
    private readonly realm: Realm,
  ) {}

  get(id: string): UserSessionRecord | undefined {
    const value = this.store.get(KIND, id);
    return value && isRecord(value) && this.browserSessionAlive(value) ? value : undefined;
  }

  private browserSessionAlive(record: UserSessionRecord): boolean {
    return !record.browser || this.store.list('Session').some(([, session]) => session.uid === record.id);
  }

  /** Creates or refreshes a session record (idle timeout restarts, max lifespan does not). */
  async touch(
    input: Omit<UserSessionRecord, 'start' | 'lastAccess' | 'clients' | 'grantIds'> & {
      clientId: string;
      grantId?: string;
    },
  ): Promise<UserSessionRecord> {
    const now = Date.now();
    const existing = this.store.get(KIND, input.id);
    const current = existing && isRecord(existing) ? existing : undefined;
    const record: UserSessionRecord = {
      id: input.id,
      userId: input.userId,
      username: input.username,
      ipAddress: current?.ipAddress ?? input.ipAddress,
      start: current?.start ?? input.authTime * 1000,
      lastAccess: now,
      authTime: current?.authTime ?? input.authTime,
      clients: [...new Set([...(current?.clients ?? []), input.clientId])],
      grantIds: [...new Set([...(current?.grantIds ?? []), ...(input.grantId ? [input.grantId] : [])])],
      browser: current?.browser ?? input.browser,
    };
    const idleLeft = this.realm.ssoSessionIdleTimeout;
    const maxLeft = Math.floor((record.start + this.realm.ssoSessionMaxLifespan * 1000 - now) / 1000);
    await this.store.put(KIND, record.id, { ...record }, Math.max(1, Math.min(idleLeft, maxLeft)));
    return record;
  }

  /**
   * Clients still attached to a session: those with a live grant in it. Replaying a used refresh
   * token revokes that client's grant, which detaches the client while the session lives on.
   */
  attachedClients(record: UserSessionRecord): string[] {
    const clients = record.grantIds
      .map((grantId) => this.store.get('Grant', grantId)?.clientId)
      .filter((clientId): clientId is string => typeof clientId === 'string');
    return [...new Set(clients)];
  }

  /** Keycloak's userinfo check: the token's session is open and its client still attached. */
  isActive(id: string, clientId: string): boolean {
    const record = this.get(id);
    return record !== undefined && this.attachedClients(record).includes(clientId);
  }

  forUser(userId: string): UserSessionRecord[] {
    return this.store
      .list(KIND)
      .map(([, value]) => value)
      .filter(isRecord)
      .filter((record) => record.userId === userId && this.browserSessionAlive(record));
  }

  private async revokeGrant(grantId: string): Promise<void> {
    for (const kind of TOKEN_KINDS) await this.store.removeWhere(kind, (value) => value.grantId === grantId);
    await this.store.remove('Grant', grantId);
  }

  /** Ends one session: its grants (refresh tokens), its browser session, its record. */
  async end(id: string): Promise<void> {
    const record = this.store.get(KIND, id);
    const grantIds = new Set(record && isRecord(record) ? record.grantIds : []);
    for (const [, session] of this.store.list('Session')) {
      if (session.uid !== id) continue;
      const authorizations = (session.authorizations ?? {}) as Record<string, { grantId?: string }>;
      Object.values(authorizations).forEach((entry) => entry.grantId && grantIds.add(entry.grantId));
    }
    for (const grantId of grantIds) await this.revokeGrant(grantId);
    await this.store.removeWhere('Session', (session) => session.uid === id);
    await this.store.remove(KIND, id);
  }

  /** Ends every session of a user (Admin API POST /users/{id}/logout, user deletion). */
  async endAllForUser(userId: string): Promise<void> {
    const grants = this.store.list('Grant').filter(([, grant]) => grant.accountId === userId);
    for (const [grantId] of grants) await this.revokeGrant(grantId);
    await this.store.removeWhere('Session', (session) => session.accountId === userId);
    await this.store.removeWhere(KIND, (record) => record.userId === userId);
  }
}
