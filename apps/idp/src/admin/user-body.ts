import { z } from 'zod';
import { HttpError } from '../http/io.js';

/** The UserRepresentation fields the Admin API accepts; unknown ones are ignored as Keycloak does. */
export const UserBodySchema = z.looseObject({
  username: z.string().optional(),
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  enabled: z.boolean().optional(),
  emailVerified: z.boolean().optional(),
  requiredActions: z.array(z.string()).optional(),
  attributes: z.record(z.string(), z.array(z.string())).optional(),
  credentials: z
    .array(
      z.looseObject({
        type: z.string().optional(),
        value: z.string().optional(),
        temporary: z.boolean().optional(),
      }),
    )
    .optional(),
});

export type UserBody = z.infer<typeof UserBodySchema>;

export const CredentialBodySchema = z.looseObject({
  type: z.string().optional(),
  value: z.string().optional(),
  temporary: z.boolean().optional(),
});

export const RoleListSchema = z.array(
  z.looseObject({ id: z.string().optional(), name: z.string().optional() }),
);

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new HttpError(400, { error: 'unknown_error', error_description: 'Invalid request body' });
  }
  return result.data;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Keycloak user-profile validation errors for the attributes we check. */
export function validateUserFields(body: UserBody): void {
  const username = body.username?.trim();
  if (username !== undefined && (username.length < 3 || username.length > 255)) {
    throw new HttpError(400, {
      field: 'username',
      errorMessage: 'error-invalid-length',
      params: ['username', 3, 255],
    });
  }
  if (body.email && !EMAIL.test(body.email)) {
    throw new HttpError(400, {
      field: 'email',
      errorMessage: 'error-invalid-email',
      params: ['email', body.email],
    });
  }
}
