import { z } from 'zod';
import { PERMISSIONS, RoleSchema } from './roles.js';

/** `POST /api/auth/login`: the password grant is done by the API with the velosi_auth secret. */
export const LoginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(255),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** `POST /api/auth/refresh` and `POST /api/auth/logout`. */
export const RefreshRequestSchema = z.strictObject({
  refresh_token: z.string().min(1).max(8192),
});
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

/** Token set answered by login/refresh (Keycloak's names, so clients can reuse OIDC tooling). */
export const TokenResponseSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  expires_in: z.number().int(),
  refresh_expires_in: z.number().int().optional(),
  token_type: z.literal('Bearer'),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/** `GET /api/auth/verify`. */
export const VerifyResponseSchema = z.object({
  active: z.literal(true),
  sub: z.string(),
  username: z.string(),
  roles: z.array(z.string()),
  exp: z.number().int(),
});
export type VerifyResponse = z.infer<typeof VerifyResponseSchema>;

/** What the ERP keeps about a user that Keycloak does not (table staff_profile, keyed by sub). */
export const StaffProfileSchema = z.object({
  phone: z.string().trim().max(40).nullable(),
  title: z.string().trim().max(120).nullable(),
  photoUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable(),
  isSupervisor: z.boolean(),
});
export type StaffProfile = z.infer<typeof StaffProfileSchema>;

/** `GET /api/auth/me`: who the caller is and what they may do (ERP roles only). */
export const MeResponseSchema = z.object({
  sub: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  roles: z.array(RoleSchema),
  permissions: z.array(z.enum(PERMISSIONS)),
  profile: StaffProfileSchema,
});
export type MeResponse = z.infer<typeof MeResponseSchema>;
