// Scenario 5: the quote PDF (rendered on every request) at 10 connections, then what a PDF storm
// does to everyone else: /health/live measured while 200 connections ask for PDFs.
import autocannon from 'autocannon';
import { DURATION, load } from '../lib/stack.mjs';

export async function pdf(ctx) {
  const url = `${ctx.api.url}/api/quotes/${ctx.quoteId}/pdf`;
  const headers = ctx.auth.admin;
  await load('warm-up', { url, headers, duration: 3, connections: 10 });
  // The warm-up's last requests are cut off by autocannon but still rendered by the API: let them
  // finish, or the measured run starts with a full render queue (503 + Retry-After).
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const rows = [await load('GET /api/quotes/:id/pdf', { url, headers, connections: 10 })];
  const storm = autocannon({ url, headers, connections: 200, duration: DURATION, timeout: 60 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  rows.push(
    await load('GET /health/live during 200 concurrent PDF requests', {
      url: `${ctx.api.url}/health/live`,
      connections: 1,
      duration: Math.max(DURATION - 2, 3),
    }),
  );
  const stormResult = await storm;
  rows.push({
    title: 'the 200 PDF connections themselves',
    connections: 200,
    reqPerSec: Math.round(stormResult.requests.average),
    p50: stormResult.latency.p50,
    p99: stormResult.latency.p99,
    requests: stormResult.requests.total,
  });
  return { id: 'pdf', title: '5. PDF', rows };
}
