import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProblemSchema, VerifyResponseSchema } from '@velosi/contracts';
import type { JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  makeKey,
  segment,
  serveJwks,
  sign,
  type JwksServer,
  type TestKey,
} from '../../test/support/auth.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';

// The guard's claim checks, against an issuer whose JWKS this file serves: every token here is
// correctly signed unless a case says otherwise, so each rejection is down to the one thing changed.
// A valid control token is accepted by the same app, so none of these cases can pass by accident.

const COOLDOWN_SECONDS = 1;
let jwks: JwksServer;
let api: TestApp;
let good: TestKey;

function claims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: jwks.issuer,
    aud: ['velosi-api', 'account'],
    sub: 'f3c1e0a2-0000-4000-8000-000000000001',
    typ: 'Bearer',
    azp: 'velosi_auth',
    iat: now,
    exp: now + 300,
    preferred_username: 'commercial1',
    realm_access: { roles: ['COMMERCIAL', 'offline_access', 'default-roles-erp_velosi'] },
    ...overrides,
  };
}

async function verify(token: string): Promise<Response> {
  return fetch(`${api.url}/api/auth/verify`, { headers: bearer(token) });
}

async function expect401(token: string): Promise<void> {
  const res = await verify(token);
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  expect(ProblemSchema.parse(await res.json()).detail).toBe('The access token is invalid or expired.');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  good = await makeKey('good-key');
  jwks = await serveJwks([good.publicJwk]);
  api = await startTestApp({
    OIDC_ISSUER_URL: jwks.issuer,
    OIDC_JWKS_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS),
  });
});
afterAll(async () => {
  await api?.close();
  await jwks?.close();
});

describe('claims of a correctly signed token', () => {
  it('accepts the control token and reports ERP roles only', async () => {
    const res = await verify(await sign(good, claims()));
    expect(res.status).toBe(200);
    const body = VerifyResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ active: true, username: 'commercial1', roles: ['COMMERCIAL'] });
  });

  it('rejects an expired token (beyond the 30 s tolerance) but accepts one within it', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect401(await sign(good, claims({ iat: now - 400, exp: now - 45 })));
    expect((await verify(await sign(good, claims({ iat: now - 400, exp: now - 10 })))).status).toBe(200);
  });

  it('never answers from the verified-token cache once the token is past exp + tolerance', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await sign(good, claims({ iat: now - 400, exp: now - 28 }));
    expect((await verify(token)).status).toBe(200);
    await sleep(3_000);
    await expect401(token);
  });

  it('rejects a token not valid before a time more than 30 s ahead', async () => {
    await expect401(await sign(good, claims({ nbf: Math.floor(Date.now() / 1000) + 120 })));
  });

  it('rejects a token issued more than 30 s in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect401(await sign(good, claims({ iat: now + 120, exp: now + 400 })));
    expect((await verify(await sign(good, claims({ iat: now + 10 })))).status).toBe(200);
  });

  it('rejects a token issued to another client of the realm (azp), or to none', async () => {
    await expect401(await sign(good, claims({ azp: 'account-console' })));
    const { azp: _omitted, ...noAzp } = claims();
    await expect401(await sign(good, noAzp));
    expect((await verify(await sign(good, claims({ azp: 'velosi_web' })))).status).toBe(200);
  });

  it('rejects a token without exp', async () => {
    const { exp: _omitted, ...noExp } = claims();
    await expect401(await sign(good, noExp));
  });

  it('rejects a wrong audience, a string audience that is not velosi-api, and accepts the plain string', async () => {
    await expect401(await sign(good, claims({ aud: ['account'] })));
    await expect401(await sign(good, claims({ aud: 'velosi_web' })));
    expect((await verify(await sign(good, claims({ aud: 'velosi-api' })))).status).toBe(200);
  });

  it('rejects another issuer even when signed by a trusted key (issuer pinned from config)', async () => {
    await expect401(await sign(good, claims({ iss: 'http://evil.example/realms/ERP_Velosi' })));
    await expect401(await sign(good, claims({ iss: `${jwks.issuer}/` })));
  });

  it('rejects a token whose typ claim is not Bearer (ID and refresh tokens)', async () => {
    await expect401(await sign(good, claims({ typ: 'ID' })));
    await expect401(await sign(good, claims({ typ: 'Refresh' })));
    const { typ: _omitted, ...noTyp } = claims();
    await expect401(await sign(good, noTyp));
  });
});

describe('forged signatures', () => {
  it('rejects alg:none', async () => {
    await expect401(`${segment({ alg: 'none', typ: 'JWT', kid: good.kid })}.${segment(claims())}.`);
  });

  it('rejects HS256 signed with the public key bytes (algorithm confusion)', async () => {
    const header = segment({ alg: 'HS256', typ: 'JWT', kid: good.kid });
    const payload = segment(claims());
    // Every encoding an attacker could guess a naive verifier feeds HMAC with.
    const secrets = [
      JSON.stringify(good.publicJwk),
      good.publicJwk.n ?? '',
      Buffer.from(good.publicJwk.n ?? '', 'base64url'),
    ];
    for (const secret of secrets) {
      const mac = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      await expect401(`${header}.${payload}.${mac}`);
    }
  });

  it('rejects a tampered payload (roles raised to ADMIN) under a genuine signature', async () => {
    const token = await sign(good, claims());
    const [h, , s] = token.split('.');
    const raised = segment(claims({ realm_access: { roles: ['ADMIN'] } }));
    await expect401(`${h}.${raised}.${s}`);
  });

  it('rejects a key that is not in the JWKS, even when it claims a trusted kid', async () => {
    const rogue = await makeKey('good-key');
    await expect401(await sign(rogue, claims()));
  });

  it('ignores jku/x5u/jwk headers: never fetches them, never trusts an embedded key', async () => {
    const attacker = await makeKey('attacker');
    const attackerJwks = await serveJwks([attacker.publicJwk]);
    try {
      const jku = `${attackerJwks.issuer}/protocol/openid-connect/certs`;
      await expect401(await sign(attacker, claims(), { kid: 'attacker', jku, x5u: jku }));
      await expect401(await sign(attacker, claims(), { kid: 'attacker', jwk: attacker.publicJwk }));
      // A genuine token carrying a stray jku is still fine: the header is simply not used.
      expect((await verify(await sign(good, claims(), { jku }))).status).toBe(200);
      expect(attackerJwks.hits()).toBe(0);
    } finally {
      await attackerJwks.close();
    }
  });
});

describe('JWKS refresh', () => {
  it('refetches once for an unknown kid, at most once per cooldown, and picks up a new key', async () => {
    const next = await makeKey('next-key');
    const unknown = await sign(next, claims());
    await sleep(COOLDOWN_SECONDS * 1000 + 200); // past the cooldown of earlier downloads
    const before = jwks.hits();

    // A burst of unknown kids costs one download, then the cooldown holds.
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => verify(unknown).then((r) => r.status)),
    );
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(jwks.hits()).toBe(before + 1);
    await expect401(unknown);
    expect(jwks.hits()).toBe(before + 1);

    // The IdP publishes the new key (rotation): after the cooldown the next unknown kid is found.
    jwks.keys.push(next.publicJwk);
    await sleep(COOLDOWN_SECONDS * 1000 + 200);
    expect((await verify(unknown)).status).toBe(200);
    expect(jwks.hits()).toBe(before + 2);

    // Known keys and already verified tokens cost no download at all.
    expect((await verify(await sign(good, claims()))).status).toBe(200);
    expect((await verify(unknown)).status).toBe(200);
    expect(jwks.hits()).toBe(before + 2);
  });
});

describe('identity provider unreachable', () => {
  let offline: TestApp;
  beforeAll(async () => {
    // A port that was just free: connection refused (port 1 would be refused by fetch itself).
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    offline = await startTestApp({ OIDC_ISSUER_URL: `http://127.0.0.1:${port}/realms/ERP_Velosi` });
  });
  afterAll(() => offline?.close());

  it('readiness reports identity down', async () => {
    const res = await fetch(`${offline.url}/health/ready`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      checks: { identity: 'down' },
      reasons: { identity: 'ECONNREFUSED' },
    });
  });

  it('a protected route answers 503 (not 401: the token may well be fine)', async () => {
    const res = await fetch(`${offline.url}/api/auth/verify`, {
      headers: bearer(await sign(good, claims())),
    });
    expect(res.status).toBe(503);
  });

  it('login answers 503', async () => {
    const res = await fetch(`${offline.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'commercial1', password: 'whatever-1' }),
    });
    expect(res.status).toBe(503);
    expect(ProblemSchema.parse(await res.json()).status).toBe(503);
  });
});
