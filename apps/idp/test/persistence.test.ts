import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  browserGet,
  codeLogin,
  follow,
  headerOf,
  passwordLogin,
  pkcePair,
  publishedKeys,
  testIdpForFile,
} from './support.js';

const t = testIdpForFile();

describe('key rotation', () => {
  it('signs with a new kid while tokens signed with the old key still verify', async () => {
    const before = await passwordLogin(t, 'admin', 'Admin#Velosi2026');
    const oldKid = headerOf(before.body.access_token!).kid;

    const newKid = await t.idp.rotateKeys();
    expect(newKid).not.toBe(oldKid);

    const after = await passwordLogin(t, 'admin', 'Admin#Velosi2026');
    expect(headerOf(after.body.access_token!).kid).toBe(newKid);
    expect(headerOf(after.body.id_token!).kid).toBe(newKid);

    const { keys } = (await (await fetch(`${t.idp.issuer}/protocol/openid-connect/certs`)).json()) as {
      keys: Array<{ kid: string }>;
    };
    expect(keys.map((key) => key.kid)).toEqual([newKid, oldKid]);
    const jwks = await publishedKeys(t);
    await expect(jwtVerify(before.body.access_token!, jwks, { issuer: t.idp.issuer })).resolves.toBeTruthy();
    await expect(jwtVerify(after.body.access_token!, jwks, { issuer: t.idp.issuer })).resolves.toBeTruthy();
    // A refresh token issued before the rotation keeps working.
    expect(
      (await t.token({ grant_type: 'refresh_token', refresh_token: before.body.refresh_token! })).status,
    ).toBe(200);
  });
});

describe('restart with the same data dir', () => {
  it('keeps keys, users, refresh tokens and the browser SSO session; stores no plaintext password', async () => {
    const login = await passwordLogin(t, 'commercial1', 'Commercial1#2026');
    const { jar } = await codeLogin(t, 'ops1', 'Ops1#Velosi2026');
    const kid = headerOf(login.body.access_token!).kid;

    await t.restart();

    const refreshed = await t.token({
      grant_type: 'refresh_token',
      refresh_token: login.body.refresh_token!,
    });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { access_token: string };
    expect(headerOf(body.access_token).kid).toBe(kid);
    await expect(
      jwtVerify(login.body.access_token!, await publishedKeys(t), { issuer: t.idp.issuer }),
    ).resolves.toBeTruthy();

    const pkce = pkcePair();
    const url = authorizeUrl(t, { code_challenge: pkce.challenge, code_challenge_method: 'S256' });
    const { url: landed } = await follow(jar, await browserGet(jar, url), url);
    expect(new URL(landed).searchParams.get('code')).toBeTruthy();

    for (const file of await readdir(t.dataDir)) {
      const text = await readFile(join(t.dataDir, file), 'utf8');
      for (const secret of ['Admin#Velosi2026', 'Commercial1#2026', 'Ops1#Velosi2026'])
        expect(text).not.toContain(secret);
    }
    const users = JSON.parse(await readFile(join(t.dataDir, 'users.json'), 'utf8')) as {
      users: Array<{ passwordHash?: string }>;
    };
    expect(
      users.users
        .filter((user) => user.passwordHash)
        .every((user) => user.passwordHash!.startsWith('scrypt$')),
    ).toBe(true);
  });
});
