import { ConflictException, Inject, Injectable } from '@nestjs/common';
import type {
  AdminUser,
  AdminUserListQuery,
  AdminUserPage,
  CreateUser,
  MeResponse,
  ResetPassword,
  Role,
  StaffProfile,
  UpdateUser,
  UserSession,
} from '@velosi/contracts';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { TokenRevocations } from '../auth/revocation/token-revocations.js';
import type { AccessTokenClaims } from '../auth/token-verifier.js';
import type { Actor } from '../common/records/actor.js';
import { presentOnly } from '../common/records/fields.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { KeycloakAdminClient, unexpected } from './keycloak-admin.client.js';
import {
  bodyOf,
  erpRolesOf,
  KcRoleSchema,
  KcUserSchema,
  keycloakError,
  toSession,
  type KcRole,
  type KcUser,
} from './keycloak-representations.js';
import { DEFAULT_PROFILE, StaffProfileRepository, type ProfileChanges } from './staff-profile.repository.js';

// Role mappings are fetched per listed user; bounded so a page of 100 does not open 100 requests.
const ROLE_LOOKUP_CONCURRENCY = 8;

const path = {
  users: '/users',
  user: (id: string) => `/users/${encodeURIComponent(id)}`,
  roles: (id: string) => `/users/${encodeURIComponent(id)}/role-mappings/realm`,
};

/**
 * User administration through Keycloak's Admin REST API. Keycloak holds identity (names, e-mail,
 * enabled, password, roles); the ERP database holds the staff profile and the audit trail. The two
 * cannot share a transaction, so each write goes to Keycloak first and the profile + audit row are
 * committed together right after Keycloak accepted it.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly keycloak: KeycloakAdminClient,
    private readonly profiles: StaffProfileRepository,
    private readonly audit: AuditService,
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly revocations: TokenRevocations,
  ) {}

  /** `GET /api/auth/me`: the verified caller, the names of their token and their staff profile. */
  async me(user: AuthUser, claims: AccessTokenClaims | undefined): Promise<MeResponse> {
    const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
    return {
      sub: user.sub,
      username: user.username,
      email: user.email,
      name: user.name,
      givenName: text(claims?.given_name),
      familyName: text(claims?.family_name),
      roles: user.roles,
      permissions: user.permissions,
      profile: await this.profiles.find(user.sub),
    };
  }

  async list(query: AdminUserListQuery): Promise<AdminUserPage> {
    const params = new URLSearchParams({ briefRepresentation: 'true' });
    // Keycloak treats * and " as wildcard/exact markers; stripping them keeps q a plain prefix search.
    const q = query.q?.replace(/[*"]/g, '').trim();
    if (q) params.set('search', q);
    const countPath = `${path.users}/count?${params.toString()}`;
    params.set('first', String((query.page - 1) * query.pageSize));
    params.set('max', String(query.pageSize));
    const listPath = `${path.users}?${params.toString()}`;

    const [listRes, countRes] = await Promise.all([
      this.keycloak.request('GET', listPath),
      this.keycloak.request('GET', countPath),
    ]);
    const users = bodyOf(z.array(KcUserSchema), 'GET', listPath, listRes);
    const total = bodyOf(z.number().int(), 'GET', countPath, countRes);
    const roles = await mapLimited(users, ROLE_LOOKUP_CONCURRENCY, (u) => this.rolesOf(u.id));
    const profiles = await this.profiles.findMany(users.map((u) => u.id));
    return {
      items: users.map((u, i) => toAdminUser(u, roles[i] ?? [], profiles.get(u.id))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string): Promise<AdminUser> {
    const [user, roles, profile] = await Promise.all([
      this.kcUser(id),
      this.rolesOf(id),
      this.profiles.find(id),
    ]);
    return toAdminUser(user, roles, profile);
  }

  async create(input: CreateUser, actor: Actor): Promise<AdminUser> {
    const res = await this.keycloak.request('POST', path.users, {
      username: input.username,
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      // Keycloak creates a disabled user when `enabled` is absent: always send it.
      enabled: input.enabled,
      credentials: [{ type: 'password', value: input.password, temporary: input.temporaryPassword }],
    });
    if (res.status !== 201) throw keycloakError('POST', path.users, res);
    const id = res.location?.split('/').pop();
    if (!id) throw unexpected('POST', path.users, res);

    try {
      await this.changeRoles(id, input.roles, []);
    } catch (error) {
      // A user without its roles would be a half-made account: remove it (best effort) and report.
      await this.keycloak.request('DELETE', path.user(id)).catch(() => undefined);
      throw error;
    }
    const created = toAdminUser(await this.kcUser(id), await this.rolesOf(id), undefined);
    return this.database.db.transaction(async (tx) => {
      const after: AdminUser = { ...created, profile: await this.profiles.upsert(tx, id, profileOf(input)) };
      await this.audit.record(tx, {
        actor: actor.user.sub,
        action: 'create',
        entity: 'user',
        entityId: id,
        after: { ...after, temporaryPassword: input.temporaryPassword }, // never the password itself
        requestId: actor.requestId,
      });
      return after;
    });
  }

  async update(id: string, input: UpdateUser, actor: Actor): Promise<AdminUser> {
    const before = await this.get(id);
    const removesOwnAdmin = input.roles !== undefined && !input.roles.includes('ADMIN');
    if (id === actor.user.sub && (input.enabled === false || removesOwnAdmin))
      // Otherwise the last administrator could lock everyone out of user administration.
      throw new ConflictException('You cannot disable your own account or remove your own ADMIN role.');

    const identity = presentOnly({
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      enabled: input.enabled,
    });
    if (Object.keys(identity).length > 0) {
      const res = await this.keycloak.request('PUT', path.user(id), identity);
      if (res.status !== 204) throw keycloakError('PUT', path.user(id), res);
    }
    if (input.roles) await this.changeRoles(id, input.roles, before.roles);
    // Keycloak keeps a disabled user's sessions alive; end them so refresh stops at once, and
    // revoke the access tokens already issued.
    if (input.enabled === false && before.enabled) await this.logoutEverywhere(id);

    const changes = profileOf(input);
    const stored = toAdminUser(await this.kcUser(id), await this.rolesOf(id), before.profile);
    return this.database.db.transaction(async (tx) => {
      const profile =
        Object.keys(changes).length > 0 ? await this.profiles.upsert(tx, id, changes) : before.profile;
      const after: AdminUser = { ...stored, profile };
      await this.audit.record(tx, {
        actor: actor.user.sub,
        action: 'update',
        entity: 'user',
        entityId: id,
        before,
        after,
        requestId: actor.requestId,
      });
      return after;
    });
  }

  async resetPassword(id: string, input: ResetPassword, actor: Actor): Promise<void> {
    const target = `${path.user(id)}/reset-password`;
    const res = await this.keycloak.request('PUT', target, {
      type: 'password',
      value: input.password,
      temporary: input.temporary,
    });
    if (res.status !== 204) throw keycloakError('PUT', target, res);
    await this.audit.record(this.database.db, {
      actor: actor.user.sub,
      action: 'reset_password',
      entity: 'user',
      entityId: id,
      after: { temporary: input.temporary }, // never the password itself
      requestId: actor.requestId,
    });
  }

  async sessions(id: string): Promise<UserSession[]> {
    const target = `${path.user(id)}/sessions`;
    const res = await this.keycloak.request('GET', target);
    if (res.status !== 200) throw keycloakError('GET', target, res);
    try {
      return toSession(res.body);
    } catch {
      throw unexpected('GET', target, res);
    }
  }

  async endSessions(id: string, actor: Actor): Promise<void> {
    await this.logoutEverywhere(id);
    await this.audit.record(this.database.db, {
      actor: actor.user.sub,
      action: 'end_sessions',
      entity: 'user',
      entityId: id,
      requestId: actor.requestId,
    });
  }

  private async logoutEverywhere(id: string): Promise<void> {
    const target = `${path.user(id)}/logout`;
    const res = await this.keycloak.request('POST', target);
    if (res.status !== 204) throw keycloakError('POST', target, res);
    // Keycloak ends the sessions (no more refresh); the access tokens already out end here.
    await this.revocations.revokeUser(id);
  }

  private async kcUser(id: string): Promise<KcUser> {
    const res = await this.keycloak.request('GET', path.user(id));
    if (res.status !== 200) throw keycloakError('GET', path.user(id), res);
    return bodyOf(KcUserSchema, 'GET', path.user(id), res);
  }

  private async rolesOf(id: string): Promise<Role[]> {
    const res = await this.keycloak.request('GET', path.roles(id));
    if (res.status !== 200) throw keycloakError('GET', path.roles(id), res);
    return erpRolesOf(bodyOf(z.array(KcRoleSchema), 'GET', path.roles(id), res));
  }

  /** Adds/removes only the ERP roles that differ; Keycloak's default roles are never touched. */
  private async changeRoles(id: string, wanted: readonly Role[], current: readonly Role[]): Promise<void> {
    const add = wanted.filter((r) => !current.includes(r));
    const remove = current.filter((r) => !wanted.includes(r));
    if (add.length > 0) await this.mapRoles('POST', id, await this.roleReps(add));
    if (remove.length > 0) {
      await this.mapRoles('DELETE', id, await this.roleReps(remove));
      // Tokens issued before still carry the removed role: refused from now on; the user's next
      // refresh brings a token with the roles they keep.
      await this.revocations.revokeUser(id);
    }
  }

  private async mapRoles(method: 'POST' | 'DELETE', id: string, roles: KcRole[]): Promise<void> {
    const res = await this.keycloak.request(method, path.roles(id), roles);
    if (res.status !== 204) throw keycloakError(method, path.roles(id), res);
  }

  // Role mappings need the role's id; looked up each time (4 roles at most) so a realm re-import
  // with new ids never leaves a stale cache behind.
  private async roleReps(names: readonly Role[]): Promise<KcRole[]> {
    return Promise.all(
      names.map(async (name) => {
        const target = `/roles/${encodeURIComponent(name)}`;
        const res = await this.keycloak.request('GET', target);
        // A missing ERP role is a realm misconfiguration, not the caller's mistake: 502.
        return bodyOf(KcRoleSchema, 'GET', target, res);
      }),
    );
  }
}

function profileOf(input: Partial<StaffProfile>): ProfileChanges {
  return presentOnly({
    phone: input.phone,
    title: input.title,
    photoUrl: input.photoUrl,
    isSupervisor: input.isSupervisor,
  });
}

function toAdminUser(user: KcUser, roles: Role[], profile: StaffProfile | undefined): AdminUser {
  return {
    id: user.id,
    username: user.username,
    email: user.email ?? null,
    firstName: user.firstName ?? null,
    lastName: user.lastName ?? null,
    enabled: user.enabled,
    roles,
    createdAt: user.createdTimestamp === undefined ? null : new Date(user.createdTimestamp).toISOString(),
    profile: profile ?? { ...DEFAULT_PROFILE },
  };
}

/** Promise.all over `items` with at most `limit` calls in flight, results in input order. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
