import { ATTACHMENT_LIMITS, AttachmentListSchema, type AttachmentList } from '@velosi/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedQuoteJob } from '../../test/support/records/jobs.js';
import { createClient } from '../../test/support/records/quotes.js';
import { DATABASES, startSalesApi, type SalesApi, type UserClient } from '../../test/support/sales.js';
import { auditLog } from '../audit/audit-log.table.js';
import { DATABASE, type DatabaseHandle } from '../database/database.types.js';
import { attachments } from './attachments.table.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
/** A Windows executable's header ("MZ"), whatever name it is given. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(64)]);

function form(files: { name: string; bytes: Buffer; type?: string }[]): FormData {
  const body = new FormData();
  for (const file of files) {
    body.append(
      'file',
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/pdf' }),
      file.name,
    );
  }
  return body;
}

function upload(user: UserClient, path: string, files: Parameters<typeof form>[0], kind = 'bill_of_lading') {
  return user.raw(`${path}/attachments?kind=${kind}`, { method: 'POST', body: form(files) });
}

describe.each(DATABASES)('attachments on %s', (target) => {
  let sales: SalesApi;
  let clientId: string;
  let otherClientId: string;
  let jobPath: string;
  const db = () => sales.api.app.get<symbol, DatabaseHandle>(DATABASE).db;
  const stored = (ownerId: string) =>
    db().select({ id: attachments.id }).from(attachments).where(eq(attachments.ownerId, ownerId));

  beforeAll(async () => {
    sales = await startSalesApi(target);
    clientId = (await createClient(sales.as.commercial1, 'Textiles du Sahel SA')).id;
    otherClientId = (await createClient(sales.as.commercial2, 'Hamburg Import GmbH')).id;
    const { job } = await acceptedQuoteJob(sales.as.commercial1, sales.as.ops1, clientId);
    jobPath = `/api/jobs/${job.id}`;
  });
  afterAll(async () => {
    await sales?.close();
  });

  it('operations upload several files on a job, list them, download them byte for byte and delete one', async () => {
    const res = await upload(sales.as.ops1, jobPath, [
      { name: 'BL MSCU 778.pdf', bytes: PDF },
      { name: '../../photo quai.png', bytes: PNG, type: 'application/octet-stream' },
    ]);
    expect(res.status, await res.clone().text()).toBe(201);
    const created = AttachmentListSchema.parse(await res.json());
    expect(created.items.map((a) => [a.fileName, a.contentType, a.sizeBytes, a.kind])).toEqual([
      ['BL MSCU 778.pdf', 'application/pdf', PDF.length, 'bill_of_lading'],
      ['photo quai.png', 'image/png', PNG.length, 'bill_of_lading'],
    ]);

    // FINANCE reads jobs: it lists and downloads, but does not delete.
    const list = await sales.as.finance1.get<AttachmentList>(`${jobPath}/attachments`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    const pdf = created.items[0]!;
    const download = await sales.as.finance1.raw(`${jobPath}/attachments/${pdf.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="BL MSCU 778.pdf"; filename*=UTF-8''BL%20MSCU%20778.pdf`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
    expect((await sales.as.finance1.delete(`${jobPath}/attachments/${pdf.id}`)).status).toBe(403);

    expect((await sales.as.ops1.delete(`${jobPath}/attachments/${pdf.id}`)).status).toBe(204);
    expect((await sales.as.ops1.delete(`${jobPath}/attachments/${pdf.id}`)).status).toBe(404);
    expect((await sales.as.ops1.raw(`${jobPath}/attachments/${pdf.id}`)).status).toBe(404);
    const after = await sales.as.ops1.get<AttachmentList>(`${jobPath}/attachments`);
    expect(after.body.items.map((a) => a.fileName)).toEqual(['photo quai.png']);
    // Soft: the row stays, marked; both writes are on the job's audit trail.
    const [row] = await db().select().from(attachments).where(eq(attachments.id, pdf.id));
    expect(row?.deletedBy).toBe(sales.as.ops1.sub);
    const audits = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'job'), eq(auditLog.entityId, jobPath.split('/')[3]!)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['attachment_add', 'attachment_delete']),
    );
  });

  it('a file over 10 MB answers 413 and nothing of the request is stored', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(ATTACHMENT_LIMITS.maxBytes)]);
    const before = (await stored(clientId)).length;
    const res = await upload(sales.as.commercial1, `/api/clients/${clientId}`, [
      { name: 'small.pdf', bytes: PDF },
      { name: 'big.pdf', bytes: big },
    ]);
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await stored(clientId)).length).toBe(before);
    // The same cap on a job file, for operations uploading a scanned B/L.
    const jobId = jobPath.split('/')[3]!;
    const onJob = (await stored(jobId)).length;
    const refused = await upload(sales.as.ops1, jobPath, [{ name: 'BL scan.pdf', bytes: big }]);
    expect(refused.status).toBe(413);
    expect((await stored(jobId)).length).toBe(onJob);
    const listed = await sales.as.ops1.get<AttachmentList>(`${jobPath}/attachments`);
    expect(listed.body.items.map((a) => a.fileName)).not.toContain('BL scan.pdf');
  });

  it('content decides the type: a renamed executable or text answers 415, nothing stored', async () => {
    for (const file of [
      { name: 'invoice.pdf', bytes: EXE, type: 'application/pdf' },
      { name: 'scan.jpg', bytes: Buffer.from('just some text, not a JPEG'), type: 'image/jpeg' },
    ]) {
      const res = await upload(sales.as.commercial1, `/api/clients/${clientId}`, [file], 'invoice');
      expect(res.status, file.name).toBe(415);
    }
    expect(await stored(clientId)).toEqual([]);
    // Not multipart at all: 415 too; and other routes refuse multipart bodies.
    expect((await sales.as.commercial1.post(`/api/clients/${clientId}/attachments`, {})).status).toBe(415);
    const elsewhere = await sales.as.commercial1.raw('/api/leads', {
      method: 'POST',
      body: form([{ name: 'a.pdf', bytes: PDF }]),
    });
    expect(elsewhere.status).toBe(415);
  });

  it('a file is kept under a name ending as what it is: a PDF sent as page.html is page.html.pdf', async () => {
    const res = await upload(sales.as.commercial1, `/api/clients/${clientId}`, [
      { name: 'page.html', bytes: PDF, type: 'text/html' },
      { name: 'Scan BL.PDF', bytes: PDF },
      { name: 'photo', bytes: PNG, type: 'image/png' },
    ]);
    expect(res.status).toBe(201);
    const kept = AttachmentListSchema.parse(await res.json()).items.map((a) => [a.fileName, a.contentType]);
    expect(kept).toEqual([
      ['page.html.pdf', 'application/pdf'],
      ['Scan BL.PDF', 'application/pdf'],
      ['photo.png', 'image/png'],
    ]);
  });

  it("visibility follows the owner: another commercial's client is 404, a role without the permission 403", async () => {
    const path = `/api/clients/${otherClientId}`;
    expect((await upload(sales.as.commercial1, path, [{ name: 'a.pdf', bytes: PDF }])).status).toBe(404);
    expect((await sales.as.commercial1.get(`${path}/attachments`)).status).toBe(404);
    const mine = await upload(sales.as.commercial2, path, [{ name: 'kbis.pdf', bytes: PDF }], 'other');
    expect(mine.status).toBe(201);
    const [file] = ((await mine.json()) as AttachmentList).items;
    expect((await sales.as.commercial1.raw(`${path}/attachments/${file!.id}`)).status).toBe(404);
    // The same file id under another owner is not found either.
    expect((await sales.as.admin.raw(`/api/clients/${clientId}/attachments/${file!.id}`)).status).toBe(404);
    // COMMERCIAL reads jobs of their clients but may not upload to them; FINANCE writes no client.
    expect((await upload(sales.as.commercial1, jobPath, [{ name: 'a.pdf', bytes: PDF }])).status).toBe(403);
    expect((await upload(sales.as.finance1, path, [{ name: 'a.pdf', bytes: PDF }])).status).toBe(403);
    expect((await sales.as.finance1.get(`/api/activities/${otherClientId}/attachments`)).status).toBe(403);
  });

  it('a commercial attaches files to their own activity', async () => {
    const activity = await sales.as.commercial1.post<{ id: string }>('/api/activities', {
      clientId,
      type: 'meeting',
      subject: 'Visite usine',
    });
    expect(activity.status).toBe(201);
    const path = `/api/activities/${activity.body.id}`;
    const res = await upload(sales.as.commercial1, path, [{ name: 'compte-rendu.pdf', bytes: PDF }], 'other');
    expect(res.status).toBe(201);
    expect((await sales.as.commercial2.get(`${path}/attachments`)).status).toBe(404);
    expect((await sales.as.commercial1.get<AttachmentList>(`${path}/attachments`)).body.items).toHaveLength(
      1,
    );
  });
});
