import { parseCsv, type CsvImportReport } from '@velosi/contracts';
import { expect } from 'vitest';
import type { UserClient } from '../sales.js';

/** POSTs a CSV body (text/csv) to an import route, e.g. `/api/leads/import`, with `query` appended. */
export function postCsv(user: UserClient, route: string, csv: string, query = ''): Promise<Response> {
  return user.raw(`${route}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
}

/** The import report of a 200 answer (the body is printed when the status is not 200). */
export async function report(res: Response): Promise<CsvImportReport> {
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as CsvImportReport;
}

/** The rows of a CSV export (`path` with its query) as header → cell, after checking the 200. */
export async function exportRows(user: UserClient, path: string): Promise<Record<string, string>[]> {
  const res = await user.raw(path);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  const [header = [], ...records] = parseCsv(text);
  return records.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])));
}

/**
 * An instant as the exports write it, computed apart from the code under test: Tunis is UTC+1 all
 * year (Africa/Tunis has no summer time), `2026-12-07T06:31:00Z` → `2026-12-07 07:31`.
 */
export function tunisMinute(iso: string): string {
  return new Date(Date.parse(iso) + 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
