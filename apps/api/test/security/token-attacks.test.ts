import { createHmac } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKey, segment, serveJwks, sign, type JwksServer, type TestKey } from '../support/auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { tally } from './support/tally.js';

// The classic bearer-token attacks against the API's local validation, each a token the attacker
// can build, sent to a protected route: every one must answer 401 problem+json while the control
// token (same issuer, same key, right claims) answers 200. The API trusts a JWKS this file serves.
const tokens = tally('token attacks');
let jwks: JwksServer;
let attackerJwks: JwksServer;
let api: TestApp;
let good: TestKey;
let attacker: TestKey;

beforeAll(async () => {
  good = await makeKey('realm-key');
  attacker = await makeKey('attacker-key');
  jwks = await serveJwks([good.publicJwk]);
  attackerJwks = await serveJwks([attacker.publicJwk]);
  api = await startTestApp({ OIDC_ISSUER_URL: jwks.issuer, WEB_DIST_DIR: '/nonexistent' });
});
afterAll(async () => {
  await api?.close();
  await jwks?.close();
  await attackerJwks?.close();
});

function claims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: jwks.issuer,
    aud: ['velosi-api', 'account'],
    sub: 'f3c1e0a2-0000-4000-8000-0000000000aa',
    typ: 'Bearer',
    azp: 'velosi_web',
    iat: now,
    exp: now + 300,
    preferred_username: 'commercial1',
    realm_access: { roles: ['COMMERCIAL'] },
    ...overrides,
  };
}

async function answer(token: string): Promise<{ status: number; problem: boolean }> {
  const res = await fetch(`${api.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  const problem = (res.headers.get('content-type') ?? '').startsWith('application/problem+json');
  await res.arrayBuffer();
  return { status: res.status, problem };
}

async function attacks(): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const genuine = await sign(good, claims());
  const [h, p] = genuine.split('.');
  const hs256Header = segment({ alg: 'HS256', typ: 'JWT', kid: good.kid });
  const body = segment(claims());
  const hmac = (secret: string | Buffer) =>
    createHmac('sha256', secret).update(`${hs256Header}.${body}`).digest('base64url');
  return {
    'alg none': `${segment({ alg: 'none', typ: 'JWT', kid: good.kid })}.${p}.`,
    'alg None': `${segment({ alg: 'None', typ: 'JWT', kid: good.kid })}.${p}.`,
    'stripped signature': `${h}.${p}.`,
    'HS256 with the public JWK': `${hs256Header}.${body}.${hmac(JSON.stringify(good.publicJwk))}`,
    'HS256 with the modulus': `${hs256Header}.${body}.${hmac(Buffer.from(good.publicJwk.n ?? '', 'base64url'))}`,
    'foreign key, trusted kid': await sign(await makeKey(good.kid), claims()),
    'foreign key, unknown kid': await sign(attacker, claims()),
    'jku to the attacker JWKS': await sign(attacker, claims(), {
      jku: `${attackerJwks.issuer}/protocol/openid-connect/certs`,
    }),
    'x5u header': await sign(attacker, claims(), { x5u: `${attackerJwks.issuer}/cert.pem` }),
    'embedded jwk': await sign(attacker, claims(), { jwk: attacker.publicJwk }),
    'kid path traversal': await sign(attacker, claims(), { kid: '../../../../dev/null' }),
    'kid SQL injection': await sign(attacker, claims(), { kid: "x' or '1'='1" }),
    expired: await sign(good, claims({ iat: now - 900, exp: now - 120 })),
    'nbf in the future': await sign(good, claims({ nbf: now + 600 })),
    'iat in the future': await sign(good, claims({ iat: now + 600, exp: now + 900 })),
    'another issuer': await sign(good, claims({ iss: 'https://evil.example/realms/ERP_Velosi' })),
    'another realm': await sign(good, claims({ iss: jwks.issuer.replace('ERP_Velosi', 'master') })),
    'wrong audience': await sign(good, claims({ aud: ['account'] })),
    'another client (azp)': await sign(good, claims({ azp: 'admin-cli' })),
    'ID token as bearer': await sign(good, claims({ typ: 'ID' })),
    'refresh token as bearer': await sign(good, claims({ typ: 'Refresh' })),
    'roles raised under a genuine signature': `${h}.${segment(claims({ realm_access: { roles: ['ADMIN'] } }))}.${genuine.split('.')[2]}`,
    'no exp': await sign(good, { ...claims(), exp: undefined }),
    'oversized (64 KB claim)': await sign(good, claims({ padding: 'x'.repeat(64 * 1024) })),
  };
}

describe('bearer-token attacks', () => {
  it('the control token is accepted', async () => {
    expect((await answer(await sign(good, claims()))).status).toBe(200);
  });

  it('every attack answers 401 (or 431 for a header too large) as problem+json', async () => {
    const cases = await attacks();
    expect(Object.keys(cases).length).toBeGreaterThanOrEqual(24);
    for (const [name, token] of Object.entries(cases)) {
      const { status, problem } = await answer(token);
      tokens.check((status === 401 || status === 431) && problem, `${name} → ${status}`);
    }
    // No attack made the API fetch the attacker's keys.
    tokens.check(attackerJwks.hits() === 0, `attacker JWKS fetched ${attackerJwks.hits()} times`);
    tokens.assertAllPassed();
  });
});
