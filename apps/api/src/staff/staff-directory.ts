import { Injectable } from '@nestjs/common';
import { ROLES, type Role, type StaffMember } from '@velosi/contracts';
import { z } from 'zod';
import { KeycloakAdminClient } from '../users/keycloak-admin.client.js';
import { bodyOf, KcUserSchema, type KcUser } from '../users/keycloak-representations.js';

/** The realm roles whose holders records can be assigned to (the roles that edit sales records). */
export const ASSIGNABLE_ROLES = ['ADMIN', 'COMMERCIAL'] as const satisfies readonly Role[];
/** The realm roles whose holders run job files (the roles that edit jobs). */
export const JOB_ASSIGNABLE_ROLES = ['ADMIN', 'OPERATIONS'] as const satisfies readonly Role[];

/** Pickers ask on every dialog opening: one Keycloak round per minute and API instance at most. */
const TTL_MS = 60_000;
/**
 * A user created a moment ago is missing from the cached answer: an id the cache does not know
 * reloads it, but not more often than this (a body full of made-up ids must not hammer Keycloak).
 */
const MISS_RELOAD_MIN_AGE_MS = 2_000;
/** Keycloak's page size for role members (its default `max` is 100 too). */
const PAGE = 100;
/** More than any sales team: stops a runaway paging loop on an unexpected answer. */
const MAX_PAGES = 50;

interface Snapshot {
  members: StaffMember[];
  ids: ReadonlySet<string>;
  loadedAt: number;
}

/**
 * Enabled users holding one of `roles`, read through Keycloak's Admin REST API
 * (`GET /roles/{role-name}/users`, the velosi_auth service account's view-realm + query-users) and
 * kept in memory for a short while. Concurrent callers share one load.
 */
abstract class RoleMembersDirectory {
  private snapshot: Snapshot | undefined;
  private loading: Promise<Snapshot> | undefined;

  protected constructor(
    private readonly keycloak: KeycloakAdminClient,
    private readonly roles: readonly Role[],
  ) {}

  async list(): Promise<StaffMember[]> {
    return (await this.current()).members;
  }

  /** The ids among `ids` that name no assignable user (after one reload when the cache misses some). */
  async unknownIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    let snapshot = await this.current();
    const missing = () => ids.filter((id) => !snapshot.ids.has(id));
    if (missing().length > 0 && Date.now() - snapshot.loadedAt >= MISS_RELOAD_MIN_AGE_MS) {
      snapshot = await this.load();
    }
    return missing();
  }

  private current(): Promise<Snapshot> {
    const snapshot = this.snapshot;
    if (snapshot && Date.now() - snapshot.loadedAt < TTL_MS) return Promise.resolve(snapshot);
    return this.load();
  }

  private load(): Promise<Snapshot> {
    this.loading ??= this.fetchAll()
      .then((snapshot) => (this.snapshot = snapshot))
      .finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async fetchAll(): Promise<Snapshot> {
    const holders = await Promise.all(this.roles.map((role) => this.holdersOf(role)));
    // A user holding both roles is one member with both; Keycloak lists disabled users too.
    const byId = new Map<string, { user: KcUser; roles: Set<Role> }>();
    this.roles.forEach((role, i) => {
      for (const user of holders[i] ?? []) {
        if (!user.enabled) continue;
        const entry = byId.get(user.id) ?? { user, roles: new Set<Role>() };
        entry.roles.add(role);
        byId.set(user.id, entry);
      }
    });
    const members = [...byId.values()]
      .map(({ user, roles }) => toMember(user, roles))
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b), 'fr'));
    return { members, ids: new Set(members.map((m) => m.id)), loadedAt: Date.now() };
  }

  private async holdersOf(role: Role): Promise<KcUser[]> {
    const users: KcUser[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const target = `/roles/${encodeURIComponent(role)}/users?briefRepresentation=true&first=${page * PAGE}&max=${PAGE}`;
      // A missing role is a realm misconfiguration: bodyOf answers 502 (logged), not an empty list.
      const batch = bodyOf(z.array(KcUserSchema), 'GET', target, await this.keycloak.request('GET', target));
      users.push(...batch);
      if (batch.length < PAGE) break;
    }
    return users;
  }
}

/** Who sales records (leads, opportunities, clients, activities, quotes) can be assigned to. */
@Injectable()
export class StaffDirectory extends RoleMembersDirectory {
  constructor(keycloak: KeycloakAdminClient) {
    super(keycloak, ASSIGNABLE_ROLES);
  }
}

/**
 * Who a job file can be assigned to: the operations staff who run it (and ADMIN). Its own cache,
 * so a sales picker never offers an operations colleague and the reverse.
 */
@Injectable()
export class JobStaffDirectory extends RoleMembersDirectory {
  constructor(keycloak: KeycloakAdminClient) {
    super(keycloak, JOB_ASSIGNABLE_ROLES);
  }
}

/**
 * Everyone holding one of the application's roles (finance included): names the author of a history
 * entry, whoever wrote it. Never offered as assignees.
 */
@Injectable()
export class PeopleDirectory extends RoleMembersDirectory {
  constructor(keycloak: KeycloakAdminClient) {
    super(keycloak, ROLES);
  }
}

function toMember(user: KcUser, roles: ReadonlySet<Role>): StaffMember {
  return {
    id: user.id,
    username: user.username,
    firstName: user.firstName ?? null,
    lastName: user.lastName ?? null,
    roles: ROLES.filter((role) => roles.has(role)),
  };
}

/** "Ben Salah Amira amira" order: by last name, then first name, then username. */
function sortKey(m: StaffMember): string {
  return [m.lastName ?? '', m.firstName ?? '', m.username].join('\u0000').toLowerCase();
}
