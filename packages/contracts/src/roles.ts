import { z } from 'zod';

/** Realm roles of ERP_Velosi (DESIGN §3). */
export const ROLES = ['ADMIN', 'COMMERCIAL', 'OPERATIONS', 'FINANCE'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * Permission strings checked by the API guard (`@RequirePermission`) and by the SPA (menus,
 * route guards). A permission is granted by holding any role listed for it.
 */
export const PERMISSIONS = [
  'dashboard:read',
  'users:read',
  'users:write',
  'leads:read',
  'leads:write',
  'opportunities:read',
  'opportunities:write',
  'activities:read',
  'activities:write',
  'quotes:read',
  'quotes:write',
  'quotes:read-accepted',
  'clients:read',
  'clients:write',
  'reference:read',
  'reference:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  ADMIN: PERMISSIONS,
  COMMERCIAL: [
    'dashboard:read',
    'leads:read',
    'leads:write',
    'opportunities:read',
    'opportunities:write',
    'activities:read',
    'activities:write',
    'quotes:read',
    'quotes:write',
    'clients:read',
    'clients:write',
    'reference:read',
  ],
  OPERATIONS: ['dashboard:read', 'quotes:read-accepted', 'clients:read', 'reference:read'],
  FINANCE: ['dashboard:read', 'quotes:read', 'clients:read', 'reference:read'],
};

/** Permissions of a user holding the given realm roles (unknown roles grant nothing). */
export function permissionsFor(roles: readonly string[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) {
    const parsed = RoleSchema.safeParse(role);
    if (parsed.success) for (const p of ROLE_PERMISSIONS[parsed.data]) granted.add(p);
  }
  return PERMISSIONS.filter((p) => granted.has(p));
}

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return permissionsFor(roles).includes(permission);
}
