import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowRedirect } from '../src/oidc/redirect-uris.js';
import { loadRealm } from '../src/realm/load.js';
import { substitutePlaceholders, UnresolvedPlaceholderError } from '../src/realm/placeholders.js';
import { BruteForceProtector } from '../src/users/brute-force.js';
import { UserStore } from '../src/users/store.js';
import { REALM_FILE, USERS_FILE } from './support.js';

describe('realm placeholders', () => {
  it('substitutes ${VAR} and ${VAR:default} and refuses unresolved ones', () => {
    const doc = { a: '${X}', b: ['${Y:fallback}/*'], c: { d: 'plain', n: 3 } };
    expect(substitutePlaceholders(doc, { X: 'x-value' })).toEqual({
      a: 'x-value',
      b: ['fallback/*'],
      c: { d: 'plain', n: 3 },
    });
    expect(substitutePlaceholders(doc, { X: '1', Y: 'http://web' })).toMatchObject({ b: ['http://web/*'] });
    expect(() => substitutePlaceholders(doc, {})).toThrow(UnresolvedPlaceholderError);
  });

  it('builds the clients from the repo realm file', async () => {
    const realm = await loadRealm({
      realmFile: REALM_FILE,
      usersFile: USERS_FILE,
      env: { VELOSI_WEB_URL: 'http://web.test:4200', VELOSI_AUTH_CLIENT_SECRET: 's3cret' },
    });
    const web = realm.clients.find((client) => client.clientId === 'velosi_web')!;
    expect(web).toMatchObject({
      publicClient: true,
      redirectUris: ['http://web.test:4200/*'],
      webOrigins: ['http://web.test:4200'],
      pkceMethod: 'S256',
      directAccessGrants: false,
      audiences: ['velosi-api'],
    });
    expect(realm.clients.find((client) => client.clientId === 'velosi_auth')).toMatchObject({
      secret: 's3cret',
      directAccessGrants: true,
      serviceAccounts: true,
    });
    expect(realm.accessTokenLifespan).toBe(300);
    expect(realm.seedUsers.map((user) => user.username)).toContain('service-account-velosi_auth');
  });
});

describe('redirect URI matching (Keycloak wildcards)', () => {
  const registered = ['http://localhost:3000/*', 'https://exact.example/cb'];
  it.each([
    ['http://localhost:3000/', true],
    ['http://localhost:3000/auth/callback?x=1', true],
    ['https://exact.example/cb', true],
    ['https://exact.example/cb/more', false],
    ['http://localhost:3000.evil.example/', false],
    ['http://localhost:3001/', false],
    ['http://localhost:3000/#frag', false],
    ['not a url', false],
  ])('%s → %s', (uri, allowed) => {
    expect(allowRedirect(registered, uri)).toBe(allowed);
  });
});

describe('brute-force arithmetic', () => {
  it('waits waitIncrement × floor(failures / failureFactor), capped, and clears on success', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'velosi-bf-'));
    try {
      const store = await UserStore.open(
        dir,
        [
          {
            username: 'u',
            enabled: true,
            emailVerified: false,
            credentials: [],
            realmRoles: [],
            clientRoles: {},
            requiredActions: [],
            attributes: {},
          },
        ],
        { duplicateEmailsAllowed: false },
      );
      let now = 1_000_000_000_000;
      const settings = {
        enabled: true,
        permanentLockout: false,
        failureFactor: 3,
        waitIncrementSeconds: 60,
        quickLoginCheckMilliSeconds: 1000,
        minimumQuickLoginWaitSeconds: 30,
        maxFailureWaitSeconds: 100,
        maxDeltaTimeSeconds: 3600,
      };
      const protector = new BruteForceProtector(settings, store, () => now);
      const user = store.findByUsername('u')!;
      const fail = async () => {
        now += 5000;
        await protector.failure(user, '127.0.0.1');
      };
      await fail();
      await fail();
      expect(protector.isTemporarilyDisabled(user)).toBe(false);
      await fail(); // 3rd failure: 60 s
      expect(protector.isTemporarilyDisabled(user)).toBe(true);
      now += 59_000;
      expect(protector.isTemporarilyDisabled(user)).toBe(true);
      now += 2_000;
      expect(protector.isTemporarilyDisabled(user)).toBe(false);
      await fail();
      await fail();
      await fail(); // 6th failure: 120 s capped to 100 s
      now += 99_000;
      expect(protector.isTemporarilyDisabled(user)).toBe(true);
      now += 2_000;
      expect(protector.isTemporarilyDisabled(user)).toBe(false);
      // Two failures within a second: quick-login lock of 30 s even below the factor.
      await protector.success(user);
      await protector.failure(user, undefined);
      now += 500;
      await protector.failure(user, undefined);
      expect(protector.isTemporarilyDisabled(user)).toBe(true);
      now += 31_000;
      expect(protector.isTemporarilyDisabled(user)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
