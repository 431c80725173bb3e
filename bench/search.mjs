// Global search (`GET /api/search?q=`, the Ctrl+K dialog) on the seeded demo data: five queries,
// one per record type (clients, contacts, leads, opportunities, quotes), each with visibility and
// the accent/case-insensitive LIKE of common/search. As commercial1 (visibility filter on every
// query) and as admin (no filter: the most rows scanned). PGlite in a throw-away directory by
// default; BENCH_DATABASE_URL=postgres://… (an empty database) measures PostgreSQL.
//
//   npm run build -w apps/idp && npm run build -w apps/api && npx node bench/search.mjs
import { bearer, measure, printRows, warm, withDemoStack } from './lib/stack.mjs';

const database = process.env.BENCH_DATABASE_URL;

await withDemoStack(async ({ base }) => {
  const commercial = await bearer(base, 'commercial1', 'Commercial1#2026');
  const admin = await bearer(base, 'admin', 'Admin#Velosi2026');
  const list = await fetch(`${base}/api/quotes?pageSize=1`, { headers: commercial });
  const { items } = await list.json();
  if (!items?.length) throw new Error('no demo quotes: the bench needs an empty database to seed');
  const number = items[0].number;
  const search = (q) => `${base}/api/search?q=${encodeURIComponent(q)}`;
  const routes = [
    [`commercial1 q=${number} (quote number)`, search(number), commercial],
    ['commercial1 q=export (common word)', search('export'), commercial],
    ['commercial1 q=societe tunis (2 words, accents)', search('societe tunis'), commercial],
    [`admin q=${number}`, search(number), admin],
    ['admin q=export', search('export'), admin],
  ];
  const rows = [];
  for (const [title, url, auth] of routes) {
    await warm(url, auth);
    rows.push(await measure(`GET /api/search ${title}`, url, auth));
  }
  console.log(`database: ${database ? 'postgres' : 'pglite (on disk)'}`);
  printRows(rows);
});
