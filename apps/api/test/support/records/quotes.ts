import {
  QuoteSchema,
  type Client,
  type Contact,
  type Quote,
  type QuoteCreateInput,
  type QuoteSendResult,
} from '@velosi/contracts';
import { expect, inject } from 'vitest';
import { idpPasswordGrant } from '../auth.js';
import { DEV_AUTH_SECRET } from '../identity.js';
import { MULTI_CURRENCY_LINES } from './quote-fixtures.js';
import {
  DEMO_USERS,
  startSalesApi,
  type DatabaseTarget,
  type DemoUser,
  type SalesApi,
  type UserClient,
} from '../sales.js';
import { startSmtpServer, type TestSmtpServer } from '../services/smtp.js';

/** A valid create body for a client: a Radès → Marseille FCL export with the multi-currency lines. */
export function quoteBody(clientId: string, overrides: Partial<QuoteCreateInput> = {}): QuoteCreateInput {
  return {
    clientId,
    title: 'Export textile Radès → Marseille',
    mode: 'sea_fcl',
    direction: 'export',
    incoterm: 'FOB',
    incotermPlace: 'Radès',
    origin: { locationCode: 'TNRDS' },
    destination: { locationCode: 'FRMRS' },
    commodity: 'Vêtements en coton',
    containers: [{ type: '40HC', count: 2 }],
    currency: 'EUR',
    exchangeRate: '3.35',
    items: MULTI_CURRENCY_LINES,
    ...overrides,
  };
}

export async function createClient(
  user: UserClient,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<Client> {
  const res = await user.post<Client>('/api/clients', { name, ...extra });
  expect(res.status).toBe(201);
  return res.body;
}

export async function createContact(
  user: UserClient,
  clientId: string,
  body: Record<string, unknown>,
): Promise<Contact> {
  const res = await user.post<Contact>(`/api/clients/${clientId}/contacts`, body);
  expect(res.status).toBe(201);
  return res.body;
}

export async function createQuote(user: UserClient, body: QuoteCreateInput): Promise<Quote> {
  const res = await user.post<Quote>('/api/quotes', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return QuoteSchema.parse(res.body);
}

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

/**
 * What the quote e-mail tests start with: a local SMTP server, the API sending through it (public
 * links on https://erp.velosi.test/) and a client of commercial1 whose primary contact, Amel Ben
 * Salah, has the e-mail `contactEmail`. The caller closes `sales`, then `smtp`.
 */
export async function startMailingSales(
  target: DatabaseTarget,
  clientName: string,
  contactEmail: string,
  clientExtra: Record<string, unknown> = {},
): Promise<{ smtp: TestSmtpServer; sales: SalesApi; client: Client; contact: Contact }> {
  const smtp = await startSmtpServer();
  const sales = await startSalesApi(target, {
    SMTP_URL: smtp.url,
    PUBLIC_WEB_URL: 'https://erp.velosi.test/',
  });
  const client = await createClient(sales.as.commercial1, clientName, clientExtra);
  const contact = await createContact(sales.as.commercial1, client.id, {
    firstName: 'Amel',
    lastName: 'Ben Salah',
    emails: [contactEmail],
    isPrimary: true,
  });
  return { smtp, sales, client, contact };
}

/** Raw fetch as a demo user (binary answers such as the PDF, which UserClient would parse as JSON). */
export async function fetchAs(sales: SalesApi, user: DemoUser, path: string): Promise<Response> {
  const secret = process.env.AUTH_TEST_CLIENT_SECRET ?? DEV_AUTH_SECRET;
  const tokens = await idpPasswordGrant(inject('identityIssuer'), secret, DEMO_USERS[user]);
  return fetch(`${sales.api.url}${path}`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
}

/** Fetch without a token (the public quote routes). */
export async function publicJson<T = unknown>(
  sales: SalesApi,
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; body: T }> {
  const res = await fetch(`${sales.api.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T };
}
