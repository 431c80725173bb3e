import { ConflictException, NotFoundException } from '@nestjs/common';
import { ROLES, type Role, type UserSession } from '@velosi/contracts';
import { z } from 'zod';
import { ValidationProblem } from '../common/validation.js';
import { unexpected, type AdminResponse } from './keycloak-admin.client.js';

// Only the parts of Keycloak's representations the API reads; extra keys are ignored so a newer
// Keycloak adding fields does not break user administration.
export const KcUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  enabled: z.boolean(),
  createdTimestamp: z.number().optional(),
});
export type KcUser = z.infer<typeof KcUserSchema>;

export const KcRoleSchema = z.object({ id: z.string(), name: z.string() });
export type KcRole = z.infer<typeof KcRoleSchema>;

const KcSessionSchema = z.object({
  id: z.string(),
  ipAddress: z.string().optional(),
  start: z.number(),
  lastAccess: z.number(),
  clients: z.record(z.string(), z.string()).optional(),
});

const KcErrorSchema = z.object({
  error: z.string().optional(),
  error_description: z.string().optional(),
  errorMessage: z.string().optional(),
  field: z.string().optional(),
});

/** Parses a 2xx body with `schema`, else a 502: Keycloak changed shape or answered oddly. */
export function bodyOf<S extends z.ZodType>(
  schema: S,
  method: string,
  path: string,
  res: AdminResponse,
): z.output<S> {
  const parsed = schema.safeParse(res.body);
  if (res.status !== 200 || !parsed.success) throw unexpected(method, path, res);
  return parsed.data;
}

/**
 * ERP roles among Keycloak realm roles (drops default-roles-erp_velosi, offline_access, …), in the
 * contracts' order: Keycloak returns mappings in no particular order.
 */
export function erpRolesOf(roles: KcRole[]): Role[] {
  const names = new Set(roles.map((r) => r.name));
  return ROLES.filter((role) => names.has(role));
}

export function toSession(raw: unknown): UserSession[] {
  return z
    .array(KcSessionSchema)
    .parse(raw)
    .map((s) => ({
      id: s.id,
      ipAddress: s.ipAddress ?? null,
      startedAt: new Date(s.start).toISOString(),
      lastAccessAt: new Date(s.lastAccess).toISOString(),
      clients: Object.values(s.clients ?? {}),
    }));
}

/**
 * Turns Keycloak's error answers into the API's: unknown user 404, duplicates 409 naming the field,
 * password policy / field validation 400; anything else 502 (logged, not leaked).
 */
export function keycloakError(method: string, path: string, res: AdminResponse): Error {
  const err = KcErrorSchema.safeParse(res.body);
  const e = err.success ? err.data : {};
  const message = e.errorMessage ?? e.error ?? '';
  if (res.status === 404 && /user not found/i.test(message)) return new NotFoundException('User not found.');
  if (res.status === 409) {
    if (/email/i.test(message))
      return new ConflictException('A user with this e-mail address already exists.');
    if (/username/i.test(message)) return new ConflictException('A user with this username already exists.');
  }
  if (res.status === 400) {
    // Password policy: {"error":"invalidPassword…Message","error_description":"Invalid password: …"}.
    if (/^invalidPassword/.test(e.error ?? '') || /password/i.test(e.errorMessage ?? ''))
      return new ValidationProblem([{ field: 'password', message: e.error_description ?? message }]);
    // Attribute validation: {"field":"email","errorMessage":"error-invalid-email",…}.
    if (e.field) return new ValidationProblem([{ field: e.field, message: e.errorMessage ?? 'invalid' }]);
  }
  return unexpected(method, path, res);
}
