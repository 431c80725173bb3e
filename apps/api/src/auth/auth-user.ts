import type { Permission, Role } from '@velosi/contracts';

/** The authenticated caller, built by the guard from a verified access token. */
export interface AuthUser {
  sub: string;
  username: string;
  /** ERP realm roles only (technical Keycloak roles such as offline_access are filtered out). */
  roles: Role[];
  permissions: Permission[];
  email: string | null;
  name: string | null;
  /** Token expiry, epoch seconds. */
  exp: number;
  /** The raw bearer token (e.g. to forward to another service). Never log it. */
  token: string;
}

/** ADMIN sees every record regardless of assignment (docs/rules.md, Visibility). */
export function isAdmin(user: AuthUser): boolean {
  return user.roles.includes('ADMIN');
}
