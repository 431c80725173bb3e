import { describe, expect, it } from 'vitest';
import { hasPermission, permissionsFor } from './roles.js';

describe('role → permission map', () => {
  it('gives ADMIN user administration and COMMERCIAL none', () => {
    expect(hasPermission(['ADMIN'], 'users:write')).toBe(true);
    expect(hasPermission(['COMMERCIAL'], 'users:read')).toBe(false);
  });

  it('unions the permissions of several roles and ignores unknown roles', () => {
    const perms = permissionsFor(['OPERATIONS', 'FINANCE', 'offline_access']);
    expect(perms).toContain('quotes:read');
    expect(perms).toContain('clients:read');
    expect(perms).not.toContain('quotes:write');
  });

  it("lets FINANCE and ADMIN, and only them, follow clients' VAT suspensions", () => {
    expect(hasPermission(['FINANCE'], 'clients:finance')).toBe(true);
    expect(hasPermission(['ADMIN'], 'clients:finance')).toBe(true);
    expect(hasPermission(['COMMERCIAL'], 'clients:finance')).toBe(false);
    expect(hasPermission(['OPERATIONS'], 'clients:finance')).toBe(false);
    expect(hasPermission(['FINANCE'], 'clients:write')).toBe(false);
  });

  it('grants nothing to a token without realm roles', () => {
    expect(permissionsFor([])).toEqual([]);
  });
});
