// What a commercial's screens ask all day, on the seeded demo data: the quotes list (first page,
// default sort), one quote, its PDF (rendered on every request), the kanban's column totals and the
// leads search. PGlite in a throw-away directory by default (the API seeds the demo into an empty
// embedded database at start); BENCH_DATABASE_URL=postgres://… (an empty database) measures PostgreSQL, the
// demo being seeded into it first by the API's own seed entry point.
//
//   npm run build -w apps/idp && npm run build -w apps/api && npx node bench/sales.mjs
import { bearer, measure, printRows, warm, withDemoStack } from './lib/stack.mjs';

const database = process.env.BENCH_DATABASE_URL;
// The PDF costs tens of ms of CPU: fewer connections keep its latency figures meaningful.
const PDF_CONNECTIONS = Number(process.env.BENCH_PDF_CONNECTIONS ?? 2);

await withDemoStack(async ({ base }) => {
  const auth = await bearer(base, 'commercial1', 'Commercial1#2026');
  const list = await fetch(`${base}/api/quotes?pageSize=25`, { headers: auth });
  const { items } = await list.json();
  if (!items?.length) throw new Error('no demo quotes: the bench needs an empty database to seed');
  const quote = items[0];
  const routes = [
    ['GET /api/quotes (page of 25)', `${base}/api/quotes?pageSize=25`],
    ['GET /api/quotes/:id', `${base}/api/quotes/${quote.id}`],
    ['GET /api/opportunities/pipeline', `${base}/api/opportunities/pipeline`],
    ['GET /api/leads?q=export', `${base}/api/leads?q=export`],
  ];
  const rows = [];
  for (const [title, url] of routes) {
    await warm(url, auth);
    rows.push(await measure(title, url, auth));
  }
  const pdf = `${base}/api/quotes/${quote.id}/pdf`;
  await warm(pdf, auth, PDF_CONNECTIONS);
  rows.push(await measure(`GET /api/quotes/:id/pdf (${PDF_CONNECTIONS} conn.)`, pdf, auth, PDF_CONNECTIONS));
  console.log(`database: ${database ? 'postgres' : 'pglite (on disk)'}; quote ${quote.number}`);
  printRows(rows);
});
