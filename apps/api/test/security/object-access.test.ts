import { randomUUID } from 'node:crypto';
import { ProblemSchema } from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesApi, type SalesApi, type UserClient } from '../support/sales.js';
import { tally } from './support/tally.js';

// Object-level access: another commercial's records answer 404 to every read and action, and the
// assignment rules hold on every path that creates an owned record (lead conversion included).
const access = tally('object-level access');
let sales: SalesApi;
beforeAll(async () => {
  sales = await startSalesApi(process.env.DATABASE_URL ? 'postgres' : 'pglite');
});
afterAll(() => sales?.close());

async function newLead(user: UserClient, fullName: string): Promise<{ id: string; version: number }> {
  const res = await user.post<{ id: string; version: number }>('/api/leads', { fullName, company: fullName });
  expect(res.status).toBe(201);
  return res.body;
}

describe('lead conversion runs the assignment rules of POST /api/clients', () => {
  it.each([
    ['client', 'an unknown id', () => [randomUUID()]],
    ['client', 'another commercial only', () => [sales.as.commercial2.sub]],
    ['opportunity', 'an unknown id', () => [randomUUID()]],
    ['opportunity', 'another commercial only', () => [sales.as.commercial2.sub]],
  ])('%s.assignedTo with %s → 400 naming the field', async (part, _what, assignees) => {
    const lead = await newLead(sales.as.commercial1, `Conversion ${part} ${randomUUID().slice(0, 6)}`);
    const body =
      part === 'client'
        ? { version: lead.version, client: { name: 'Converted SARL', assignedTo: assignees() } }
        : { version: lead.version, opportunity: { title: 'Converted deal', assignedTo: assignees() } };
    const res = await sales.as.commercial1.post(`/api/leads/${lead.id}/convert`, body);
    access.check(res.status === 400, `convert with ${part}.assignedTo ${_what} → ${res.status}`);
    expect(res.status).toBe(400);
    expect(new Set(ProblemSchema.parse(res.body).errors?.map((e) => e.field))).toEqual(
      new Set([`${part}.assignedTo`]),
    );
    // Nothing was written: the lead can still be converted normally.
    const ok = await sales.as.commercial1.post(`/api/leads/${lead.id}/convert`, { version: lead.version });
    access.check(ok.status === 200 || ok.status === 201, `plain conversion after refusal → ${ok.status}`);
  });
});
