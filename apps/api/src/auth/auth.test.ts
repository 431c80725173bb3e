import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Controller, Get, Module } from '@nestjs/common';
import {
  MeResponseSchema,
  permissionsFor,
  PERMISSIONS,
  ProblemSchema,
  TokenResponseSchema,
  VerifyResponseSchema,
} from '@velosi/contracts';
import { createHmac } from 'node:crypto';
import { importJWK, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  decodeSegment,
  idpPasswordGrant,
  login,
  makeKey,
  postJson,
  segment,
  sign,
  tokensFor,
} from '../../test/support/auth.js';
import {
  databaseEnv,
  DEMO,
  startDevIdp,
  startIdentity,
  type IdentityTarget,
} from '../../test/support/identity.js';
import { startTestApp, type TestApp } from '../../test/support/test-app.js';
import { Authenticated, RequirePermission } from './route-access.js';

/** Routes that exist only in this test, to see the guard apply each kind of declaration. */
@Controller('api/test-access')
class AccessProbeController {
  // No declaration on purpose: the guard must refuse it even to an ADMIN.
  @Get('undeclared')
  undeclared(): { ok: boolean } {
    return { ok: true };
  }

  @Get('any-user')
  @Authenticated()
  anyUser(): { ok: boolean } {
    return { ok: true };
  }

  @Get('two-permissions')
  @RequirePermission('quotes:read', 'users:read')
  twoPermissions(): { ok: boolean } {
    return { ok: true };
  }
}

@Module({ controllers: [AccessProbeController] })
class AccessProbeModule {}

// Runs against the dev IdP started here, or real Keycloak when AUTH_TEST_ISSUER_URL is set.
// Keycloak locks a user after quick repeated failures (brute-force protection), so wrong passwords
// are only ever tried on throwaway usernames or once on commercial2.

const LIMIT = 3;
let identity: IdentityTarget;
let api: TestApp;
const run = randomBytes(4).toString('hex');

async function problem(res: Response) {
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  return ProblemSchema.parse(await res.json());
}

beforeAll(async () => {
  identity = await startIdentity();
  api = await startTestApp(
    {
      ...identity.env,
      ...databaseEnv(),
      AUTH_LOGIN_RATE_LIMIT: `${LIMIT}/60`,
      OIDC_JWKS_COOLDOWN_SECONDS: '1',
    },
    [AccessProbeModule],
  );
});
afterAll(async () => {
  await api?.close();
  await identity?.close();
});

describe('POST /api/auth/login', () => {
  it('answers a token set for good credentials, not cacheable', async () => {
    const res = await login(api.url, DEMO.commercial1.username, DEMO.commercial1.password);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const tokens = TokenResponseSchema.parse(await res.json());
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBeGreaterThan(0);
    const claims = decodeSegment(tokens.access_token, 1);
    expect(claims).toMatchObject({ iss: identity.issuer, typ: 'Bearer', preferred_username: 'commercial1' });
    expect(claims.aud).toContain('velosi-api');
  });

  it('answers one generic 401 for a wrong password and for an unknown user', async () => {
    const wrong = await login(api.url, 'commercial2', 'not-the-password');
    const unknown = await login(api.url, `nobody-${run}`, 'whatever-pass');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(await problem(res)).toEqual({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        detail: 'Invalid username or password.',
      });
    }
    await tokensFor(api.url, { username: 'commercial2', password: 'Commercial2#2026' }); // resets Keycloak's count
  });

  it('rejects a body with an unknown field or no password (400)', async () => {
    const extra = await postJson(`${api.url}/api/auth/login`, {
      username: 'a',
      password: 'b',
      grant_type: 'x',
    });
    expect(extra.status).toBe(400);
    expect((await problem(extra)).errors).toEqual([
      { field: 'grant_type', message: 'unknown field', code: 'unknownField' },
    ]);
    expect((await postJson(`${api.url}/api/auth/login`, { username: 'a' })).status).toBe(400);
  });

  it(`throttles after ${LIMIT} failures per IP + username: 429 with Retry-After`, async () => {
    const victim = `ghost-${run}`;
    for (let i = 0; i < LIMIT; i++) expect((await login(api.url, victim, `wrong-${i}`)).status).toBe(401);
    const blocked = await login(api.url, victim, 'wrong-again');
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await problem(blocked)).status).toBe(429);
    // Case does not open a new budget, and other usernames from the same address are unaffected.
    expect((await login(api.url, victim.toUpperCase(), 'wrong')).status).toBe(429);
    expect((await login(api.url, DEMO.ops1.username, DEMO.ops1.password)).status).toBe(200);
  });
});

describe('refresh and logout', () => {
  it('refresh answers a new token set; a garbage token is 401', async () => {
    const tokens = await tokensFor(api.url, DEMO.commercial1);
    const res = await postJson(`${api.url}/api/auth/refresh`, { refresh_token: tokens.refresh_token });
    expect(res.status).toBe(200);
    const next = TokenResponseSchema.parse(await res.json());
    expect(next.access_token).not.toBe(tokens.access_token);
    const bad = await postJson(`${api.url}/api/auth/refresh`, { refresh_token: 'not-a-refresh-token' });
    expect(bad.status).toBe(401);
  });

  it('logout ends the session: 204, then the refresh token is dead; logging out twice is fine', async () => {
    const tokens = await tokensFor(api.url, DEMO.commercial1);
    const out = await postJson(`${api.url}/api/auth/logout`, { refresh_token: tokens.refresh_token });
    expect(out.status).toBe(204);
    const refresh = await postJson(`${api.url}/api/auth/refresh`, { refresh_token: tokens.refresh_token });
    expect(refresh.status).toBe(401);
    expect(
      (await postJson(`${api.url}/api/auth/logout`, { refresh_token: tokens.refresh_token })).status,
    ).toBe(204);
  });
});

describe('GET /api/auth/verify and /api/auth/me', () => {
  it('describe commercial1: COMMERCIAL role and its permissions, default profile', async () => {
    const { access_token } = await tokensFor(api.url, DEMO.commercial1);
    const verify = VerifyResponseSchema.parse(
      await (await fetch(`${api.url}/api/auth/verify`, { headers: bearer(access_token) })).json(),
    );
    expect(verify).toMatchObject({ active: true, username: 'commercial1', roles: ['COMMERCIAL'] });
    expect(verify.exp).toBe(decodeSegment(access_token, 1).exp);

    const meRes = await fetch(`${api.url}/api/auth/me`, { headers: bearer(access_token) });
    expect(meRes.status).toBe(200);
    const me = MeResponseSchema.parse(await meRes.json());
    expect(me.sub).toBe(verify.sub);
    expect(me.roles).toEqual(['COMMERCIAL']);
    expect(me.permissions).toEqual(permissionsFor(['COMMERCIAL']));
    expect(me.permissions).not.toContain('users:read');
    expect(me.email).toBe('commercial1@velosi.example');
    expect(me.profile).toEqual({ phone: null, title: null, photoUrl: null, isSupervisor: false });
  });

  it('describe admin: ADMIN role and every permission', async () => {
    const { access_token } = await tokensFor(api.url, DEMO.admin);
    const me = MeResponseSchema.parse(
      await (await fetch(`${api.url}/api/auth/me`, { headers: bearer(access_token) })).json(),
    );
    expect(me.username).toBe('admin');
    expect(me.roles).toEqual(['ADMIN']);
    expect(me.permissions).toEqual([...PERMISSIONS]);
  });
});

describe('the guard', () => {
  let commercial: string;
  beforeAll(async () => {
    commercial = (await tokensFor(api.url, DEMO.commercial1)).access_token;
  });

  async function status(headers: Record<string, string>): Promise<number> {
    return (await fetch(`${api.url}/api/auth/verify`, { headers })).status;
  }

  it('answers 401 without a token, with a challenge', async () => {
    const res = await fetch(`${api.url}/api/auth/me`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="velosi-api"');
    expect((await problem(res)).detail).toBe('A bearer access token is required.');
  });

  it('answers 401 for malformed headers and tokens', async () => {
    expect(await status({ authorization: 'Bearer' })).toBe(401);
    expect(await status({ authorization: 'Bearer not-a-jwt' })).toBe(401);
    expect(await status({ authorization: 'Bearer a.b.c' })).toBe(401);
    expect(await status({ authorization: `Basic ${commercial}` })).toBe(401);
    expect(await status({ authorization: `Bearer ${commercial} ${commercial}` })).toBe(401);
    expect(await status(bearer(commercial))).toBe(200); // control
  });

  it('refuses two Authorization headers (400) instead of silently keeping the first', async () => {
    const { host, port } = new URL(api.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), host.split(':')[0] ?? '127.0.0.1');
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
      socket.write(
        `GET /api/auth/verify HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${commercial}\r\n` +
          `Authorization: Bearer ${commercial}\r\nConnection: close\r\n\r\n`,
      );
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain('application/problem+json');
    expect(raw).toContain('Send one Authorization header, not several.');
  });

  it('answers 401 for a tampered payload and for alg:none', async () => {
    const [h, p, s] = commercial.split('.');
    const claims = decodeSegment(commercial, 1);
    const raised = segment({ ...claims, realm_access: { roles: ['ADMIN'] } });
    expect(await status(bearer(`${h}.${raised}.${s}`))).toBe(401);
    const none = segment({ alg: 'none', typ: 'JWT' });
    expect(await status(bearer(`${none}.${p}.`))).toBe(401);
  });

  it('answers 401 for HS256 signed with the IdP public key (algorithm confusion)', async () => {
    const jwks = (await (await fetch(`${identity.issuer}/protocol/openid-connect/certs`)).json()) as {
      keys: JWK[];
    };
    const kid = decodeSegment(commercial, 0).kid;
    const jwk = jwks.keys.find((k) => k.kid === kid);
    expect(jwk).toBeDefined();
    await importJWK({ ...jwk, alg: 'RS256' }); // it is the genuine RSA public key
    const header = segment({ alg: 'HS256', typ: 'JWT', kid });
    const payload = commercial.split('.')[1];
    for (const secret of [JSON.stringify(jwk), jwk?.n ?? '']) {
      const mac = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
      expect(await status(bearer(`${header}.${payload}.${mac}`))).toBe(401);
    }
  });

  it('answers 401 for a token signed by a key outside the JWKS, claiming the IdP kid', async () => {
    const claims = decodeSegment(commercial, 1);
    const rogue = await makeKey(String(decodeSegment(commercial, 0).kid));
    expect(await status(bearer(await sign(rogue, claims)))).toBe(401);
  });

  it('answers 401 for a token of a second IdP instance (another issuer, other keys)', async () => {
    const other = await startDevIdp();
    try {
      const secret = other.env.OIDC_AUTH_CLIENT_SECRET ?? '';
      const foreign = (await idpPasswordGrant(other.issuer, secret, DEMO.commercial1)).access_token;
      expect(decodeSegment(foreign, 1)).toMatchObject({ iss: other.issuer, typ: 'Bearer' });
      expect(await status(bearer(foreign))).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('answers 403 for a COMMERCIAL token on an ADMIN endpoint', async () => {
    const res = await fetch(`${api.url}/api/admin/users`, { headers: bearer(commercial) });
    expect(res.status).toBe(403);
    expect((await problem(res)).detail).toBe('Missing permission: users:read.');
  });

  it('applies the declared access: undeclared refused, @Authenticated any user, permissions all of them', async () => {
    const admin = (await tokensFor(api.url, DEMO.admin)).access_token;
    const get = (path: string, token?: string) =>
      fetch(`${api.url}/api/test-access/${path}`, token ? { headers: bearer(token) } : {});
    expect((await get('undeclared')).status).toBe(401);
    const refused = await get('undeclared', admin);
    expect(refused.status).toBe(403);
    expect((await problem(refused)).detail).toBe('This route declares no access rule.');
    expect((await get('any-user')).status).toBe(401);
    expect((await get('any-user', commercial)).status).toBe(200);
    const partial = await get('two-permissions', commercial);
    expect(partial.status).toBe(403);
    expect((await problem(partial)).detail).toBe('Missing permission: users:read.');
    expect((await get('two-permissions', admin)).status).toBe(200);
  });

  it.skipIf(!!process.env.AUTH_TEST_ISSUER_URL)(
    'picks up rotated IdP keys without restarting the API',
    async () => {
      const before = decodeSegment(commercial, 0).kid;
      const rotated = await identity.rotateKeys?.();
      expect(rotated).toBeDefined();
      await new Promise((r) => setTimeout(r, 1_200)); // the file's JWKS cooldown (1 s)
      const fresh = (await tokensFor(api.url, DEMO.commercial1)).access_token;
      expect(decodeSegment(fresh, 0).kid).toBe(rotated);
      expect(rotated).not.toBe(before);
      expect(await status(bearer(fresh))).toBe(200);
      expect(await status(bearer(commercial))).toBe(200); // old key still published
    },
  );
});
