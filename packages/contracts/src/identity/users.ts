import { z } from 'zod';
import { PageQuerySchema, pageSchema } from '../pagination.js';
import { RoleSchema } from './roles.js';
import { StaffProfileSchema } from './auth.js';

// User administration (ADMIN only): the API talks to Keycloak's Admin REST API with the
// velosi_auth service account; these are the ERP's shapes, not Keycloak's.

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'letters, digits, dot, dash or underscore (2–64)');
// The realm's password policy starts at length(12); Keycloak would refuse shorter ones anyway.
const Password = z.string().min(12, 'at least 12 characters').max(256);
const Name = z.string().trim().min(1).max(100);
const Roles = z.array(RoleSchema).min(1, 'at least one role').max(4);

/** A user as the administration page shows it. */
export const AdminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  enabled: z.boolean(),
  roles: z.array(RoleSchema),
  createdAt: z.string().nullable(),
  profile: StaffProfileSchema,
});
export type AdminUser = z.infer<typeof AdminUserSchema>;
export const AdminUserPageSchema = pageSchema(AdminUserSchema);
export type AdminUserPage = z.infer<typeof AdminUserPageSchema>;

/** `GET /api/admin/users?q=&page=&pageSize=` (q: prefix search on username, e-mail, names). */
export const AdminUserListQuerySchema = PageQuerySchema;
export type AdminUserListQuery = z.infer<typeof AdminUserListQuerySchema>;

const ProfileFields = {
  phone: StaffProfileSchema.shape.phone.optional(),
  title: StaffProfileSchema.shape.title.optional(),
  photoUrl: StaffProfileSchema.shape.photoUrl.optional(),
  isSupervisor: z.boolean().optional(),
};

/** `POST /api/admin/users`. The password is temporary by default: the user sets their own. */
export const CreateUserSchema = z.strictObject({
  username: Username,
  email: z.email().max(254),
  firstName: Name,
  lastName: Name,
  enabled: z.boolean().default(true),
  roles: Roles,
  password: Password,
  temporaryPassword: z.boolean().default(false),
  ...ProfileFields,
});
export type CreateUser = z.infer<typeof CreateUserSchema>;

/** `PATCH /api/admin/users/:id`: only the fields present change. */
export const UpdateUserSchema = z.strictObject({
  email: z.email().max(254).optional(),
  firstName: Name.optional(),
  lastName: Name.optional(),
  enabled: z.boolean().optional(),
  roles: Roles.optional(),
  ...ProfileFields,
});
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

/** `POST /api/admin/users/:id/reset-password`. */
export const ResetPasswordSchema = z.strictObject({
  password: Password,
  temporary: z.boolean().default(false),
});
export type ResetPassword = z.infer<typeof ResetPasswordSchema>;

/** `GET /api/admin/users/:id/sessions`: one entry per active SSO session. */
export const UserSessionSchema = z.object({
  id: z.string(),
  ipAddress: z.string().nullable(),
  startedAt: z.string(),
  lastAccessAt: z.string(),
  clients: z.array(z.string()),
});
export type UserSession = z.infer<typeof UserSessionSchema>;
