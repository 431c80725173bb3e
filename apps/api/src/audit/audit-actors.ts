import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { APP_LOGGER, type AppLogger } from '../common/logger.js';
import { KeycloakAdminClient } from '../users/keycloak-admin.client.js';
import { KcUserSchema } from '../users/keycloak-representations.js';

export interface ActorName {
  username: string | null;
  name: string | null;
}

/** Keycloak user ids are UUIDs; `system`, `anonymous`, `public-link` … name no Keycloak user. */
export const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A page shows the same few actors again and again: one Keycloak lookup per actor and minute. */
const TTL_MS = 60_000;
const MAX_CACHED = 1_000;
const UNKNOWN: ActorName = { username: null, name: null };

/**
 * Who the actors of audit rows are, from Keycloak's Admin REST API (the ERP stores only the `sub`).
 * Best effort: a deleted user, or Keycloak down, leaves the name unknown — the page still answers.
 */
@Injectable()
export class AuditActors {
  private readonly cache = new Map<string, { value: ActorName; at: number }>();

  constructor(
    private readonly keycloak: KeycloakAdminClient,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  async namesOf(actors: readonly string[]): Promise<Map<string, ActorName>> {
    const ids = [...new Set(actors)];
    const names = await Promise.all(ids.map((id) => this.nameOf(id)));
    return new Map(ids.map((id, i) => [id, names[i] ?? UNKNOWN]));
  }

  /** The ids of the user named `username` (exact, case-insensitive as in Keycloak); [] if none. */
  async idsOf(username: string): Promise<string[]> {
    const path = `/users?${new URLSearchParams({ username, exact: 'true', briefRepresentation: 'true' })}`;
    try {
      const res = await this.keycloak.request('GET', path);
      const users = z.array(KcUserSchema).safeParse(res.body);
      return res.status === 200 && users.success ? users.data.map((user) => user.id) : [];
    } catch (error) {
      this.logger.warn({ err: error }, 'audit: actor lookup by username failed');
      return [];
    }
  }

  private async nameOf(id: string): Promise<ActorName> {
    if (!USER_ID.test(id)) return UNKNOWN;
    const cached = this.cache.get(id);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
    const value = await this.fetchName(id);
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(id, { value, at: Date.now() });
    return value;
  }

  private async fetchName(id: string): Promise<ActorName> {
    try {
      const res = await this.keycloak.request('GET', `/users/${encodeURIComponent(id)}`);
      const user = KcUserSchema.safeParse(res.body);
      if (res.status !== 200 || !user.success) return UNKNOWN;
      const name = [user.data.firstName, user.data.lastName].filter(Boolean).join(' ');
      return { username: user.data.username, name: name || null };
    } catch (error) {
      this.logger.warn({ err: error }, 'audit: actor name lookup failed');
      return UNKNOWN;
    }
  }
}
