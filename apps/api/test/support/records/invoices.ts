import { InvoiceSchema, type Invoice, type JobDetail } from '@velosi/contracts';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';
import { businessToday } from '../../../src/common/business-day.js';
import type { UserClient } from '../sales.js';

/** `YYYY-MM-DD` `days` after today in Tunis. */
export const inDays = (days: number): string =>
  new Date(Date.parse(`${businessToday()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Adds an actual line of `side` to a job (as FINANCE) and answers its id. */
export async function addActualCharge(
  user: UserClient,
  jobId: string,
  side: 'revenue' | 'cost',
  line: Record<string, unknown>,
): Promise<string> {
  const res = await user.post<JobDetail>(`/api/jobs/${jobId}/charges`, { side, stage: 'actual', ...line });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const charge = res.body.charges.find((c) => c.description === line.description);
  if (!charge) throw new Error(`charge ${String(line.description)} not found`);
  return charge.id;
}

/** Adds an actual revenue line to a job (as FINANCE) and answers its id. */
export const addRevenue = (user: UserClient, jobId: string, line: Record<string, unknown>): Promise<string> =>
  addActualCharge(user, jobId, 'revenue', line);

/** The reference mix: EUR freight at 0 %, TND charges at 19 % and 7 %, a débours line. */
export const MIXED_LINES = [
  {
    description: 'Fret maritime Radès » Marseille',
    quantity: '2',
    unitPrice: '1250.000',
    currency: 'EUR',
    exchangeRate: '3.400000',
    vatRate: 0,
  },
  {
    description: 'THC départ',
    quantity: '2',
    unitPrice: '180.000',
    currency: 'TND',
    exchangeRate: '1',
    vatRate: 19,
  },
  {
    description: 'Transport local',
    quantity: '1',
    unitPrice: '450.500',
    currency: 'TND',
    exchangeRate: '1',
    vatRate: 7,
  },
  {
    description: 'Droits de douane',
    quantity: '1',
    unitPrice: '1234.567',
    currency: 'TND',
    exchangeRate: '1',
    vatRate: 0,
    isDisbursement: true,
  },
] as const;

export async function created(
  res: Promise<{ status: number; body: unknown }>,
  status = 201,
): Promise<Invoice> {
  const answer = await res;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return InvoiceSchema.parse(answer.body);
}

export async function issue(
  user: UserClient,
  invoice: Invoice,
  extra: Record<string, unknown> = {},
): Promise<Invoice> {
  return created(user.post(`/api/invoices/${invoice.id}/issue`, { version: invoice.version, ...extra }), 200);
}

/** The PDF's text, pages merged, spaces normalised. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const proxy = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(proxy, { mergePages: true });
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
}

export async function pdfBytes(user: UserClient, id: string): Promise<Buffer> {
  const res = await user.raw(`/api/invoices/${id}/pdf`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/pdf');
  return Buffer.from(await res.arrayBuffer());
}
