import type { CsvImportReport } from '@velosi/contracts';
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
