// Scenarios 2–4 on the production-scale data set: lists, searches, the dashboard and quote
// creation, as ADMIN (everything) and as a COMMERCIAL (visibility filter on every query).
import { load } from '../lib/stack.mjs';
import { MULTI_LINE_QUOTE } from '../lib/quote-body.mjs';

const READ_CONNECTIONS = 50;
const WRITE_CONNECTIONS = 20;

/** Who reads in scenarios 2, 2b and 4: ADMIN (everything) and a COMMERCIAL (visibility filter). */
export const readers = (ctx) => [
  ['ADMIN', ctx.auth.admin],
  ['COMMERCIAL', ctx.auth.commercial],
];

/** The read routes of scenarios 2 and 4 (4 only when the API has a dashboard). */
export function readRoutes(ctx) {
  const year = new Date().getFullYear();
  const list = '/api/quotes?status=sent&sort=validUntil:desc&pageSize=50';
  const routes = [
    ['quotes filtered + sorted, page 50', list],
    ['quotes text search q=export', '/api/quotes?q=export&pageSize=50'],
    ['clients text search q=ceramiques', '/api/clients?q=ceramiques&pageSize=50'],
    ['global search q=<quote number>', `/api/search?q=${encodeURIComponent(ctx.quoteNumber)}`],
    ['global search q=export', '/api/search?q=export'],
  ];
  const dashboard = ctx.hasDashboard
    ? [['dashboard, one year', `/api/dashboard?from=${year - 1}-12-01&to=${year}-11-30`]]
    : [];
  return { lists: routes, dashboard };
}

async function readRows(ctx, base, routes) {
  const rows = [];
  for (const [who, headers] of readers(ctx)) {
    for (const [title, path] of routes) {
      const url = `${base}${path}`;
      // A 30 s timeout (autocannon's default is 10 s): on PGlite (one connection serving all 50) a
      // slow answer is a latency to report, not a failed run.
      const options = { url, headers, connections: READ_CONNECTIONS, timeout: 30 };
      await load('warm-up', { ...options, duration: 2 });
      rows.push(await load(`${who} ${title}`, options));
    }
  }
  return rows;
}

export async function lists(ctx, base = ctx.api.url, label = 'PostgreSQL') {
  const { lists: routes } = readRoutes(ctx);
  return {
    id: `lists-${label}`,
    title: `2. Lists and search, ${label} (${READ_CONNECTIONS} connections)`,
    rows: await readRows(ctx, base, routes),
  };
}

export async function dashboard(ctx) {
  const { dashboard: routes } = readRoutes(ctx);
  if (!routes.length)
    return {
      id: 'dashboard',
      title: '4. Dashboard',
      rows: [],
      notes: ['GET /api/dashboard is not on this commit.'],
    };
  return {
    id: 'dashboard',
    title: `4. Dashboard (${READ_CONNECTIONS} connections)`,
    rows: await readRows(ctx, ctx.api.url, routes),
  };
}

/**
 * Scenario 3: quote creation with 5 lines as commercial1. Numbers are unique (a unique index), so
 * the run was gapless when the year's last number moved by exactly as many as quotes were added
 * (counted after the requests still in flight when the load stopped have landed).
 */
export async function writes(ctx, base = ctx.api.url, label = 'PostgreSQL') {
  const before = await lastNumber(base, ctx.auth.admin, ctx.commercialClientId);
  const row = await load(`COMMERCIAL POST /api/quotes (5 lines)`, {
    url: `${base}/api/quotes`,
    method: 'POST',
    headers: { ...ctx.auth.commercial, 'content-type': 'application/json' },
    body: JSON.stringify(MULTI_LINE_QUOTE(ctx.commercialClientId)),
    connections: WRITE_CONNECTIONS,
    timeout: 30,
  });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const after = await lastNumber(base, ctx.auth.admin, ctx.commercialClientId);
  const added = after.total - before.total;
  const gapless = after.sequence - before.sequence === added;
  return {
    id: `writes-${label}`,
    title: `3. Writes, ${label} (${WRITE_CONNECTIONS} connections)`,
    rows: [row],
    notes: [
      `${added} quotes created, ${before.number} → ${after.number}: ${gapless ? 'gapless' : 'NOT gapless'}`,
    ],
    figures: { gapless },
  };
}

/**
 * The year's last number, and how many quotes the bench's client has: every created quote is for
 * that client, and its count stays far below the lists' count cap (LIST_COUNT_CAP, 10,000), which
 * the whole table (100,000 quotes) is not.
 */
async function lastNumber(base, headers, clientId) {
  const last = await (await fetch(`${base}/api/quotes?sort=number:desc&pageSize=1`, { headers })).json();
  const mine = await (await fetch(`${base}/api/quotes?clientId=${clientId}&pageSize=1`, { headers })).json();
  if (mine.totalIsEstimate) throw new Error('the bench client has more quotes than the list counts');
  const number = last.items[0]?.number ?? '-00000';
  return { number, sequence: Number(number.split('-')[1]), total: mine.total };
}
