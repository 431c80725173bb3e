import type { AdminUser, Role } from '@velosi/contracts';
import { expect, inject } from 'vitest';
import { DEV_AUTH_SECRET } from '../identity.js';
import type { UserClient } from '../sales.js';
import { deleteKeycloakUsers } from '../services/keycloak-admin.js';

/** A user created through the admin API as `admin`: e-mail `<username>@velosi.example`, a valid password. */
export async function createUser(
  admin: UserClient,
  username: string,
  fields: { firstName: string; lastName: string; roles: Role[]; enabled?: boolean },
): Promise<AdminUser> {
  const res = await admin.post<AdminUser>('/api/admin/users', {
    username,
    email: `${username}@velosi.example`,
    ...fields,
    password: 'Start#2026-pw',
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** Deletes users a test created from the run's IdP (the one the global setup started or points at). */
export function deleteUsers(ids: string[]): Promise<void> {
  const secret = process.env.AUTH_TEST_CLIENT_SECRET ?? DEV_AUTH_SECRET;
  const identity = { kind: 'dev-idp' as const, issuer: inject('identityIssuer'), close: async () => {} };
  return deleteKeycloakUsers({ ...identity, env: { OIDC_AUTH_CLIENT_SECRET: secret } }, ids);
}
