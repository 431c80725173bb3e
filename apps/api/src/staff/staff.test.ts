import { randomBytes } from 'node:crypto';
import { StaffListSchema, type AdminUser, type StaffList } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, deleteUsers } from '../../test/support/records/users.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';

// GET /api/staff against the run's IdP (dev IdP, or real Keycloak with AUTH_TEST_ISSUER_URL):
// Keycloak's role-members endpoint, merged, filtered and checked against the contract. Other test
// files may add users to the same IdP meanwhile, so lists are checked for what they must and must
// not hold, not for equality.

describe.each(DATABASES)('staff directory on %s', (target) => {
  const run = randomBytes(3).toString('hex');
  let sales: SalesApi;
  let disabled: AdminUser;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    // Created before the first directory read, so the cached answer would hold it if it leaked.
    disabled = await createUser(sales.as.admin, `qa${run}.${target}.off`, {
      firstName: 'Disabled',
      lastName: 'Commercial',
      enabled: false,
      roles: ['COMMERCIAL'],
    });
  });
  afterAll(async () => {
    if (disabled) await deleteUsers([disabled.id]);
    await sales?.close();
  });

  it('answers 401 without a token and 403 to roles that edit no sales record', async () => {
    expect((await fetch(`${sales.api.url}/api/staff`)).status).toBe(401);
    expect((await sales.as.finance1.get('/api/staff')).status).toBe(403);
    expect((await sales.as.ops1.get('/api/staff')).status).toBe(403);
  });

  it('lists the enabled ADMIN and COMMERCIAL users by name, with what a picker shows only', async () => {
    const res = await sales.as.commercial1.get<StaffList>('/api/staff');
    expect(res.status).toBe(200);
    const { items } = StaffListSchema.parse(res.body);
    const byUsername = new Map(items.map((m) => [m.username, m]));
    expect(byUsername.get('commercial1')).toEqual({
      id: sales.as.commercial1.sub,
      username: 'commercial1',
      firstName: 'Amira',
      lastName: 'Ben Salah',
      roles: ['COMMERCIAL'],
    });
    expect(byUsername.get('commercial2')).toMatchObject({
      id: sales.as.commercial2.sub,
      roles: ['COMMERCIAL'],
    });
    expect(byUsername.get('admin')).toMatchObject({ id: sales.as.admin.sub, roles: ['ADMIN'] });
    // OPERATIONS and FINANCE are never assigned sales records; a disabled account cannot be.
    for (const absent of ['ops1', 'finance1', disabled.username]) expect(byUsername.has(absent)).toBe(false);
    // No e-mail or account state: the raw body carries the contract's keys only.
    for (const member of res.body.items) {
      expect(Object.keys(member).sort()).toEqual(['firstName', 'id', 'lastName', 'roles', 'username']);
    }
    const demo = items.filter((m) => ['admin', 'commercial1', 'commercial2'].includes(m.username));
    // By last name: Ben Salah (commercial1), Jaziri (commercial2), Trabelsi (admin).
    expect(demo.map((m) => m.username)).toEqual(['commercial1', 'commercial2', 'admin']);
    expect((await sales.as.admin.get('/api/staff')).status).toBe(200);
  });
});
