// Guard overhead: GET /api/info (public, no token work) vs GET /api/auth/verify (bearer token checked
// by the global guard; after the first request the verified-token cache answers). 10 s each,
// 10 connections.
//
//   npm run build -w apps/idp && npm run build -w apps/api && npx node bench/auth-guard.mjs
import { bearer, measure, printRows, warm, withStack } from './lib/stack.mjs';

await withStack({}, async ({ base }) => {
  const auth = await bearer(base, 'commercial1', 'Commercial1#2026');
  // Warm both routes (JIT, JWKS download, verified-token cache) so neither run pays for it.
  await warm(`${base}/api/info`);
  await warm(`${base}/api/auth/verify`, auth);
  const rows = [
    await measure('GET /api/info (public)', `${base}/api/info`),
    await measure('GET /api/auth/verify (bearer)', `${base}/api/auth/verify`, auth),
  ];
  printRows(rows);
  const [open, guarded] = rows;
  // The server is saturated in both runs, so 1 / throughput is its time per request.
  const overheadUs = 1e6 / guarded.reqPerSec - 1e6 / open.reqPerSec;
  console.log(
    `guard cost ≈ ${(100 * (1 - guarded.reqPerSec / open.reqPerSec)).toFixed(1)} % throughput, ` +
      `≈ ${overheadUs.toFixed(0)} µs of server time per request`,
  );
});
