import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transaction } from '../../database/database.types.js';
import { nextInYear, numberingYear, provisionalNumber, yearlyNumberSql } from './yearly-counter.js';

// A document type of its own (an "invoice" numbered F{YYYY}-{NNNNN}): the helpers know no quote.
const counters = pgTable('doc_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
const docs = pgTable('docs', {
  id: text('id').primaryKey(),
  year: integer('year').notNull(),
  sequence: integer('sequence').notNull(),
  number: text('number').notNull(),
});

const client = new PGlite();
const db = drizzle(client);

async function numberDoc(tx: Transaction, id: string, today: string): Promise<string> {
  await tx.insert(docs).values({ id, year: 0, sequence: 0, number: provisionalNumber(id) });
  const year = numberingYear(today);
  const counter = nextInYear(tx, counters, year);
  const [row] = await tx
    .with(counter)
    .update(docs)
    .set({ year, sequence: sql`${counter.last}`, number: yearlyNumberSql('F', year, counter.last) })
    .from(counter)
    .where(eq(docs.id, id))
    .returning({ number: docs.number });
  return row?.number ?? '';
}

/** One document created in its own transaction (the test database has the helpers' shape only). */
const create = (id: string, today: string) =>
  db.transaction((tx) => numberDoc(tx as unknown as Transaction, id, today));

beforeAll(async () => {
  await client.exec(`create table doc_counters (year integer primary key, last integer not null);
    create table docs (id text primary key, year integer not null, sequence integer not null, number text not null);`);
});
afterAll(() => client.close());

describe('yearly counter numbering', () => {
  it('numbers documents consecutively per year with the prefix and five digits', async () => {
    expect(await create('a', '2026-03-01')).toBe('F2026-00001');
    expect(await create('b', '2026-12-31')).toBe('F2026-00002');
    expect(await create('c', '2027-01-01')).toBe('F2027-00001');
  });

  it('hands a number out again when the creating transaction rolls back (no gap)', async () => {
    await expect(
      db.transaction(async (tx) => {
        await numberDoc(tx as unknown as Transaction, 'rolled-back', '2026-06-01');
        throw new Error('creation failed after the number was drawn');
      }),
    ).rejects.toThrow('creation failed');
    expect(await create('d', '2026-06-01')).toBe('F2026-00003');
    expect((await db.select().from(docs).where(eq(docs.id, 'rolled-back'))).length).toBe(0);
  });

  it('keeps the provisional number recognisable', () => {
    expect(provisionalNumber('x1')).toBe('pending-x1');
    expect(numberingYear('2026-01-20')).toBe(2026);
  });
});
