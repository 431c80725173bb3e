import { JobDetailSchema, type JobDetail, type Quote } from '@velosi/contracts';
import { expect } from 'vitest';
import { sentQuote } from './quotes.js';
import type { UserClient } from '../sales.js';

/** A quote accepted by staff with transport details; answers the quote and its job (found by quote). */
export async function acceptedQuoteJob(
  user: UserClient,
  reader: UserClient,
  clientId: string,
  transport: Record<string, unknown> = {},
): Promise<{ quote: Quote; job: JobDetail }> {
  const { quote } = await sentQuote(user, clientId);
  const accepted = await user.post<Quote>(`/api/quotes/${quote.id}/accept`, {
    version: quote.version,
    transport,
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const opened = await reader.post<JobDetail>(`/api/quotes/${quote.id}/job`);
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return { quote: accepted.body, job: JobDetailSchema.parse(opened.body) };
}

/** Field names of a 400 problem+json. */
export function badFields(body: unknown): string[] {
  const errors = (body as { errors?: { field: string }[] }).errors ?? [];
  return errors.map((e) => e.field);
}
