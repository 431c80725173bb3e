import { randomBytes } from 'node:crypto';
import {
  JobPageSchema,
  StaffListSchema,
  type AdminUser,
  type JobDetail,
  type StaffList,
} from '@velosi/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedQuoteJob, badFields } from '../../test/support/records/jobs.js';
import { createClient } from '../../test/support/records/quotes.js';
import { createUser, deleteUsers } from '../../test/support/records/users.js';
import { DATABASES, startSalesApi, type SalesApi } from '../../test/support/sales.js';

// GET /api/staff/jobs against the run's IdP: the operations staff (and ADMIN) a job file can be
// assigned to, read by every role that reads jobs; then the job edit and list use it. Other files
// share the IdP, so lists are checked for what they must and must not hold.

describe.each(DATABASES)('job staff directory on %s', (target) => {
  const run = randomBytes(3).toString('hex');
  let sales: SalesApi;
  let disabled: AdminUser;
  let clientId: string;

  beforeAll(async () => {
    sales = await startSalesApi(target);
    // Created before the first directory read, so the cached answer would hold it if it leaked.
    disabled = await createUser(sales.as.admin, `qa${run}.${target}.ops.off`, {
      firstName: 'Disabled',
      lastName: 'Operator',
      enabled: false,
      roles: ['OPERATIONS'],
    });
    clientId = (await createClient(sales.as.commercial1, 'Conserverie du Cap Bon')).id;
  });
  afterAll(async () => {
    if (disabled) await deleteUsers([disabled.id]);
    await sales?.close();
  });

  it('answers 401 without a token; every role that reads jobs reads it', async () => {
    expect((await fetch(`${sales.api.url}/api/staff/jobs`)).status).toBe(401);
    for (const user of ['admin', 'commercial1', 'ops1', 'finance1'] as const) {
      expect((await sales.as[user].get('/api/staff/jobs')).status, user).toBe(200);
    }
  });

  it('lists the enabled OPERATIONS and ADMIN users by name, with what a picker shows only', async () => {
    const res = await sales.as.ops1.get<StaffList>('/api/staff/jobs');
    const { items } = StaffListSchema.parse(res.body);
    const byUsername = new Map(items.map((m) => [m.username, m]));
    expect(byUsername.get('ops1')).toMatchObject({ id: sales.as.ops1.sub, roles: ['OPERATIONS'] });
    expect(byUsername.get('admin')).toMatchObject({ id: sales.as.admin.sub, roles: ['ADMIN'] });
    // Sales and finance staff do not run jobs; a disabled account cannot be assigned.
    for (const absent of ['commercial1', 'commercial2', 'finance1', disabled.username]) {
      expect(byUsername.has(absent), absent).toBe(false);
    }
    for (const member of res.body.items) {
      expect(Object.keys(member).sort()).toEqual(['firstName', 'id', 'lastName', 'roles', 'username']);
    }
    // The sales directory is unchanged: no operations staff in it.
    const sales1 = StaffListSchema.parse((await sales.as.commercial1.get('/api/staff')).body);
    expect(sales1.items.map((m) => m.username)).not.toContain('ops1');
  });

  it('ops1 assigns a job to an OPERATIONS user and the list filters by that assignee', async () => {
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    // Nobody runs a job yet when it opens: the quote's commercial follows it through the client.
    expect(job.assignedTo).toEqual([]);
    const url = `/api/jobs/${job.id}`;
    const refused = await sales.as.ops1.patch(url, {
      version: job.version,
      assignedTo: [sales.as.commercial1.sub],
    });
    expect(refused.status).toBe(400);
    expect(badFields(refused.body)).toEqual(['assignedTo']);
    const disabledToo = await sales.as.ops1.patch(url, { version: job.version, assignedTo: [disabled.id] });
    expect(badFields(disabledToo.body)).toEqual(['assignedTo']);

    const assigned = await sales.as.ops1.patch<JobDetail>(url, {
      version: job.version,
      assignedTo: [sales.as.ops1.sub, sales.as.admin.sub],
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.assignedTo).toEqual([sales.as.ops1.sub, sales.as.admin.sub]);

    const other = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    const mine = JobPageSchema.parse(
      (await sales.as.ops1.get(`/api/jobs?assignedTo=${sales.as.ops1.sub}&pageSize=100`)).body,
    );
    expect(mine.items.map((j) => j.id)).toContain(job.id);
    expect(mine.items.map((j) => j.id)).not.toContain(other.job.id);
    expect(mine.items.every((j) => j.assignedTo.includes(sales.as.ops1.sub))).toBe(true);
    // The client's commercial reads the job and filters by its operator the same way.
    const theirs = JobPageSchema.parse(
      (await sales.as.commercial1.get(`/api/jobs?assignedTo=${sales.as.ops1.sub}`)).body,
    );
    expect(theirs.items.map((j) => j.id)).toContain(job.id);
  });
});
