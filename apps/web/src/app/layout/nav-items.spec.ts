import { PERMISSIONS, ROLES, permissionsFor, type Role } from '@velosi/contracts/roles-map';
import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, currentNavPath, visibleNavItems } from './nav-items';

const menuOf = (...roles: Role[]) => visibleNavItems(new Set(permissionsFor(roles))).map((item) => item.path);

describe('the menu follows the shared permission map', () => {
  it('every entry names a permission the API knows', () => {
    for (const item of NAV_ITEMS) {
      if (item.permission) expect(PERMISSIONS).toContain(item.permission);
    }
  });

  it.each(ROLES)('%s sees exactly the entries whose permission the role holds', (role) => {
    const held = new Set(permissionsFor([role]));
    const expected = NAV_ITEMS.filter((item) => !item.permission || held.has(item.permission)).map(
      (i) => i.path,
    );
    expect(menuOf(role)).toEqual(expected);
  });

  it('ADMIN sees every section, in menu order', () => {
    expect(menuOf('ADMIN')).toEqual(NAV_ITEMS.map((item) => item.path));
  });

  it('sales sections stay out of FINANCE and OPERATIONS menus; Administration is ADMIN only', () => {
    for (const role of ['FINANCE', 'OPERATIONS'] as const) {
      expect(menuOf(role)).not.toContain('/leads');
      expect(menuOf(role)).not.toContain('/opportunities');
      expect(menuOf(role)).not.toContain('/admin');
    }
    expect(menuOf('COMMERCIAL')).toEqual(
      expect.arrayContaining(['/leads', '/opportunities', '/quotes', '/clients']),
    );
    expect(menuOf('COMMERCIAL')).not.toContain('/admin');
  });

  it('Invoices is in every menu holding invoices:read, and nowhere without it', () => {
    for (const role of ROLES) expect(menuOf(role)).toContain('/invoices');
    expect(visibleNavItems(new Set(['jobs:read'] as const)).map((i) => i.path)).not.toContain('/invoices');
  });

  it('Finance: payments for FINANCE and ADMIN; receivables also for COMMERCIAL (their clients); not OPERATIONS', () => {
    for (const role of ['FINANCE', 'ADMIN'] as const) {
      expect(menuOf(role)).toEqual(expect.arrayContaining(['/payments', '/receivables']));
    }
    expect(menuOf('COMMERCIAL')).toContain('/receivables');
    expect(menuOf('COMMERCIAL')).not.toContain('/payments');
    expect(menuOf('OPERATIONS')).not.toContain('/payments');
    expect(menuOf('OPERATIONS')).not.toContain('/receivables');
  });

  it('the Finance entries follow one another, so the menu shows them under one heading', () => {
    const sections = NAV_ITEMS.map((item) => item.section ?? null);
    const first = sections.indexOf('finance');
    const last = sections.lastIndexOf('finance');
    expect(sections.slice(first, last + 1).every((s) => s === 'finance')).toBe(true);
    expect(NAV_ITEMS.slice(first, last + 1).map((item) => item.path)).toEqual([
      '/invoices',
      '/payments',
      '/receivables',
      '/supplier-invoices',
    ]);
  });

  it('several roles see the union of their sections; unknown roles add nothing', () => {
    const both = menuOf('FINANCE', 'OPERATIONS');
    expect(new Set(both)).toEqual(new Set([...menuOf('FINANCE'), ...menuOf('OPERATIONS')]));
    expect(visibleNavItems(new Set(permissionsFor(['SUPERUSER'])))).toEqual(
      NAV_ITEMS.filter((item) => !item.permission),
    );
  });
});

describe('currentNavPath: one entry is the current page', () => {
  it.each([
    ['/admin/audit', '/admin/audit'],
    ['/admin/audit?action=login', '/admin/audit'],
    ['/admin/users', '/admin'],
    ['/admin/targets', '/admin'],
    ['/admin', '/admin'],
    ['/reference/locations', '/reference'],
    ['/reference', '/reference'],
    ['/jobs/42', '/jobs'],
    ['/leads#top', '/leads'],
  ])('%s is under %s only', (url, entry) => {
    expect(currentNavPath(url)).toBe(entry);
  });

  it('a path merely starting like an entry is not under it, and pages outside the menu mark none', () => {
    expect(currentNavPath('/administration')).toBeNull();
    expect(currentNavPath('/notifications')).toBeNull();
    expect(currentNavPath('/')).toBeNull();
  });
});
