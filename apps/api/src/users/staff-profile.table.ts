import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What the ERP keeps about a staff member that Keycloak does not. Keyed by the token `sub`
 * (Keycloak user id); no foreign key is possible since users live in Keycloak's database. A user
 * without a row simply has the default profile.
 */
export const staffProfile = pgTable('staff_profile', {
  sub: text('sub').primaryKey(),
  phone: text('phone'),
  title: text('title'),
  photoUrl: text('photo_url'),
  isSupervisor: boolean('is_supervisor').notNull().default(false),
  // Bumped on every change (docs/rules.md).
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type StaffProfileRow = typeof staffProfile.$inferSelect;
