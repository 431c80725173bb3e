import { z } from 'zod';
import { UserIdSchema } from '../common.js';
import { RoleSchema } from './roles.js';

// The staff directories behind the assignee pickers: who a lead, opportunity, client, activity or
// quote may be assigned to (`GET /api/staff`: ADMIN, COMMERCIAL), and who a job file may be
// (`GET /api/staff/jobs`: ADMIN, OPERATIONS). Only what a picker shows — no e-mail, no account
// state: every sales user reads it, unlike the ADMIN-only user administration (users.ts).

/** A user records can be assigned to: `id` is the token `sub` stored in `assignedTo`. */
export const StaffMemberSchema = z.object({
  id: UserIdSchema,
  username: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** Their staff roles among those the directory lists, in the contracts' order. */
  roles: z.array(RoleSchema).min(1),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

/**
 * `GET /api/staff`, `GET /api/staff/jobs`: every enabled assignable user, sorted by name. Not
 * paged: a directory is small (the company's sales or operations staff) and pickers filter it as
 * the user types.
 */
export const StaffListSchema = z.object({ items: z.array(StaffMemberSchema) });
export type StaffList = z.infer<typeof StaffListSchema>;
