import { describe, expect, it } from 'vitest';
import { useAdminIdp, type Role, type User } from './admin-support.js';
import { passwordLogin } from './support.js';

const idp = useAdminIdp();
const { admin, userId } = idp;

describe('realm roles', () => {
  it('maps realm roles by name and id, and the token reflects them', async () => {
    const id = await userId('commercial2');
    const finance = (await admin('GET', '/roles/FINANCE')).body as Role & { attributes: object };
    expect(finance).toMatchObject({ name: 'FINANCE', composite: false, clientRole: false, attributes: {} });
    expect(
      await admin('POST', `/users/${id}/role-mappings/realm`, [
        { id: '00000000-0000-0000-0000-000000000000', name: 'NOPE' },
      ]),
    ).toMatchObject({
      status: 404,
      body: { error: 'Role not found' },
    });
    expect(await admin('POST', `/users/${id}/role-mappings/realm`, [{ name: 'FINANCE' }])).toMatchObject({
      status: 404,
    });
    expect(
      (await admin('POST', `/users/${id}/role-mappings/realm`, [{ id: finance.id, name: 'FINANCE' }])).status,
    ).toBe(204);
    const mapped = (await admin('GET', `/users/${id}/role-mappings/realm`)).body as Role[];
    expect(mapped.map((role) => role.name).sort()).toEqual([
      'COMMERCIAL',
      'FINANCE',
      'default-roles-erp_velosi',
    ]);
    const holders = (await admin('GET', '/roles/FINANCE/users')).body as User[];
    expect(holders.map((user) => user.username)).toEqual(['commercial2', 'finance1']);
    const login = await passwordLogin(idp.t, 'commercial2', 'Commercial2#2026');
    const roles = JSON.parse(Buffer.from(login.body.access_token!.split('.')[1]!, 'base64url').toString())
      .realm_access.roles;
    expect(roles).toContain('FINANCE');
    expect(
      (await admin('DELETE', `/users/${id}/role-mappings/realm`, [{ id: finance.id, name: 'FINANCE' }]))
        .status,
    ).toBe(204);
    expect(
      (await admin('DELETE', `/users/${id}/role-mappings/realm`, [{ id: finance.id, name: 'FINANCE' }]))
        .status,
    ).toBe(204);
    expect(
      ((await admin('GET', `/users/${id}/role-mappings/realm`)).body as Role[]).map((r) => r.name),
    ).not.toContain('FINANCE');
  });

  it('lists realm roles including Keycloak built-ins; unknown role 404', async () => {
    const roles = (await admin('GET', '/roles')).body as Array<
      Role & { description: string; composite: boolean }
    >;
    expect(roles.map((role) => role.name).sort()).toEqual(
      [
        'ADMIN',
        'COMMERCIAL',
        'FINANCE',
        'OPERATIONS',
        'default-roles-erp_velosi',
        'offline_access',
        'uma_authorization',
      ].sort(),
    );
    expect(roles.find((role) => role.name === 'default-roles-erp_velosi')).toMatchObject({
      description: '${role_default-roles}',
      composite: true,
    });
    expect(await admin('GET', '/roles/NOPE')).toMatchObject({
      status: 404,
      body: { error: 'Could not find role' },
    });
  });

  it("lists a role's members like Keycloak 26: brief keys, no access, by username, paged", async () => {
    const brief = await admin('GET', '/roles/ADMIN/users?briefRepresentation=true&first=0&max=100');
    expect(brief.status).toBe(200);
    expect(brief.body).toEqual([
      {
        id: await userId('admin'),
        username: 'admin',
        firstName: 'Sami',
        lastName: 'Trabelsi',
        email: 'admin@velosi.example',
        emailVerified: true,
        enabled: true,
        createdTimestamp: expect.any(Number),
      },
    ]);
    const full = (await admin('GET', '/roles/COMMERCIAL/users')).body as Array<Record<string, unknown>>;
    expect(full[0]).toMatchObject({ requiredActions: [], totp: false });
    expect(full[0]).not.toHaveProperty('access');
    const names = full.map((u) => u.username as string);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['commercial1', 'commercial2']));
    const second = (await admin('GET', '/roles/COMMERCIAL/users?first=1&max=1')).body as User[];
    expect(second.map((u) => u.username)).toEqual([names[1]]);
    expect(((await admin('GET', '/roles/COMMERCIAL/users?max=-1')).body as User[]).length).toBe(names.length);
    expect(await admin('GET', '/roles/NOPE/users')).toMatchObject({ status: 404 });
    // Earlier tests change commercial1's password; commercial2 still has the demo one.
    const token = (await passwordLogin(idp.t, 'commercial2', 'Commercial2#2026')).body.access_token;
    expect(token).toBeTruthy();
    expect((await admin('GET', '/roles/ADMIN/users', undefined, token)).status).toBe(403);
  });
});
