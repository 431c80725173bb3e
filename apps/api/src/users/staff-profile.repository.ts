import { Inject, Injectable } from '@nestjs/common';
import type { StaffProfile } from '@velosi/contracts';
import { eq, inArray, sql } from 'drizzle-orm';
import {
  DATABASE,
  type Database,
  type DatabaseHandle,
  type Transaction,
} from '../database/database.types.js';
import { staffProfile, type StaffProfileRow } from './staff-profile.table.js';

/** A user nobody has filled a profile for yet. */
export const DEFAULT_PROFILE: StaffProfile = {
  phone: null,
  title: null,
  photoUrl: null,
  isSupervisor: false,
};

export type ProfileChanges = Partial<StaffProfile>;

function toProfile(row: StaffProfileRow | undefined): StaffProfile {
  if (!row) return { ...DEFAULT_PROFILE };
  return { phone: row.phone, title: row.title, photoUrl: row.photoUrl, isSupervisor: row.isSupervisor };
}

@Injectable()
export class StaffProfileRepository {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async find(sub: string, db: Database | Transaction = this.database.db): Promise<StaffProfile> {
    const [row] = await db.select().from(staffProfile).where(eq(staffProfile.sub, sub));
    return toProfile(row);
  }

  async findMany(subs: string[]): Promise<Map<string, StaffProfile>> {
    if (subs.length === 0) return new Map();
    const rows = await this.database.db.select().from(staffProfile).where(inArray(staffProfile.sub, subs));
    return new Map(rows.map((row) => [row.sub, toProfile(row)]));
  }

  /** Inserts or updates only the given fields (absent = unchanged); bumps the version. */
  async upsert(tx: Transaction, sub: string, changes: ProfileChanges): Promise<StaffProfile> {
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    const [row] = await tx
      .insert(staffProfile)
      .values({ ...DEFAULT_PROFILE, ...set, sub })
      .onConflictDoUpdate({
        target: staffProfile.sub,
        set: { ...set, version: sql`${staffProfile.version} + 1`, updatedAt: sql`now()` },
      })
      .returning();
    return toProfile(row);
  }
}
