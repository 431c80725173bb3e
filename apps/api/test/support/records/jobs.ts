import { JobDetailSchema, type JobDetail, type Quote, type QuoteSendResult } from '@velosi/contracts';
import { expect } from 'vitest';
import { createQuote, quoteBody } from './quotes.js';
import type { UserClient } from '../sales.js';

/** A sent quote of `clientId` (FCL export Radès → Marseille, multi-currency lines) and its link token. */
export async function sentQuote(
  user: UserClient,
  clientId: string,
  overrides: Parameters<typeof quoteBody>[1] = {},
): Promise<{ quote: Quote; token: string }> {
  const quote = await createQuote(user, quoteBody(clientId, overrides));
  const sent = await user.post<QuoteSendResult>(`/api/quotes/${quote.id}/send`, { version: quote.version });
  expect(sent.status, JSON.stringify(sent.body)).toBe(200);
  return { quote: sent.body.quote, token: sent.body.publicUrl.split('/q/')[1] ?? '' };
}

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
