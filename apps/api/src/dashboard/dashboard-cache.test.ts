import type { Permission, Role, SalesDashboard } from '@velosi/contracts';
import { describe, expect, it } from 'vitest';
import type { AuthUser } from '../auth/auth-user.js';
import { DASHBOARD_CACHE_MS, DashboardCache } from './dashboard-cache.js';

const PERIOD = { from: '2026-01-01', to: '2026-03-31' };
const commercial = (sub: string): AuthUser =>
  ({
    sub,
    roles: ['COMMERCIAL'] as Role[],
    permissions: ['quotes:read', 'opportunities:read'] as Permission[],
  }) as AuthUser;
// A distinct object per computation: the figures of whoever it was computed for.
const figuresOf = (sub: string) => ({ acceptedRevenueTnd: sub }) as unknown as SalesDashboard;

describe('DashboardCache', () => {
  it("never answers a commercial with another's figures, and reuses each one's own", async () => {
    let clock = 0;
    const cache = new DashboardCache(() => clock);
    const computed: string[] = [];
    const read = (sub: string) =>
      cache.get(commercial(sub), { period: PERIOD, today: '2026-03-31', commercialId: sub }, () => {
        computed.push(sub);
        return Promise.resolve(figuresOf(sub));
      });
    expect((await read('c1')).acceptedRevenueTnd).toBe('c1');
    expect((await read('c2')).acceptedRevenueTnd).toBe('c2');
    expect((await read('c1')).acceptedRevenueTnd).toBe('c1');
    expect((await read('c2')).acceptedRevenueTnd).toBe('c2');
    expect(computed).toEqual(['c1', 'c2']);
    clock += DASHBOARD_CACHE_MS;
    expect((await read('c2')).acceptedRevenueTnd).toBe('c2');
    expect(computed).toEqual(['c1', 'c2', 'c2']);
  });

  it('keys by period, day, filter and roles, and forgets a failed computation', async () => {
    const cache = new DashboardCache(() => 0);
    let calls = 0;
    const compute = () => {
      calls += 1;
      return Promise.resolve(figuresOf('x'));
    };
    const user = commercial('c1');
    const what = { period: PERIOD, today: '2026-03-31', commercialId: 'c1' };
    await cache.get(user, what, compute);
    await cache.get(user, { ...what, period: { ...PERIOD, from: '2026-02-01' } }, compute);
    await cache.get(user, { ...what, today: '2026-04-01' }, compute);
    await cache.get(user, { ...what, commercialId: null }, compute);
    await cache.get({ ...user, roles: ['ADMIN'] as Role[] }, what, compute);
    expect(calls).toBe(5);
    await expect(
      cache.get(commercial('c3'), what, () => Promise.reject(new Error('down'))),
    ).rejects.toThrow();
    expect((await cache.get(commercial('c3'), what, compute)).acceptedRevenueTnd).toBe('x');
  });
});
