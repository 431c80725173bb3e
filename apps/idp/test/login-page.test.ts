import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserGet,
  browserPost,
  codeLogin,
  CookieJar,
  follow,
  openLoginPage,
  passwordLogin,
  PKCE,
  realmVariant,
  startTestIdp,
  testIdpForFile,
  type TestIdp,
} from './support.js';

const t = testIdpForFile();

describe('login page', () => {
  it('is an accessible French form with Keycloak element ids', async () => {
    const page = await openLoginPage(t, new CookieJar(), PKCE);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="fr">');
    expect(page.html).toMatch(/<label for="username">Nom d&#39;utilisateur ou courriel<\/label>/);
    expect(page.html).toMatch(/<input id="username" name="username" type="text"[^>]* autofocus/);
    expect(page.html).toMatch(/<label for="password">Mot de passe<\/label>/);
    expect(page.html).toMatch(/<input id="password" name="password" type="password"/);
    expect(page.html).toMatch(/<button id="kc-login" name="login" type="submit">Connexion<\/button>/);
    expect(page.html).not.toContain('id="input-error"');
    expect(page.html).toContain('href="' + new URL(page.url).pathname + '?kc_locale=en"');
  });

  it('answers the browser’s favicon request without an error (no 404 in the console)', async () => {
    const response = await fetch(new URL('/favicon.ico', t.idp.url));
    expect(response.status).toBe(204);
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(await response.text()).toBe('');
  });

  it('switches to English with ui_locales and with the language link', async () => {
    const viaParam = await openLoginPage(t, new CookieJar(), { ...PKCE, ui_locales: 'en' });
    expect(viaParam.html).toContain('<html lang="en">');
    expect(viaParam.html).toContain('>Sign In</button>');

    const jar = new CookieJar();
    const french = await openLoginPage(t, jar, PKCE);
    const english = await browserGet(jar, `${french.url}?kc_locale=en`);
    const html = await english.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Username or email');
  });

  it('shows the generic error for a bad password and for an unknown user, keeping the username', async () => {
    for (const username of ['admin', 'no-such-user']) {
      const jar = new CookieJar();
      const page = await openLoginPage(t, jar, PKCE);
      const response = await browserPost(jar, page.action!, { username, password: 'definitely-wrong' });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(
        `<div id="input-error-username" class="alert" role="alert"><span id="input-error">Nom d&#39;utilisateur ou mot de passe invalide.</span></div>`,
      );
      expect(html).toContain(`value="${username}"`);
      expect(html).toMatch(/id="username"[^>]*aria-invalid="true" aria-describedby="input-error"/);
    }
  });

  it('refuses a form post without the interaction cookie (CSRF)', async () => {
    const page = await openLoginPage(t, new CookieJar(), PKCE);
    const response = await browserPost(new CookieJar(), page.action!, {
      username: 'admin',
      password: 'Admin#Velosi2026',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  it('locks a user temporarily after quick repeated failures (Keycloak quick-login check)', async () => {
    const jar = new CookieJar();
    const page = await openLoginPage(t, jar, PKCE);
    await browserPost(jar, page.action!, { username: 'ops1', password: 'bad-1' });
    await browserPost(jar, page.action!, { username: 'ops1', password: 'bad-2' });
    // Right password, but the account is now temporarily disabled: same generic message.
    const locked = await browserPost(jar, page.action!, { username: 'ops1', password: 'Ops1#Velosi2026' });
    expect(locked.status).toBe(200);
    expect(await locked.text()).toContain('Nom d&#39;utilisateur ou mot de passe invalide.');
    expect(await passwordLogin(t, 'ops1', 'Ops1#Velosi2026')).toMatchObject({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Invalid user credentials' },
    });
    // The realm keeps this lock short (minimumQuickLoginWaitSeconds 5): it slows a script down
    // without keeping the real user out.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect((await passwordLogin(t, 'ops1', 'Ops1#Velosi2026')).status).toBe(200);
  });
});

describe('brute-force lock-out after failureFactor failures', () => {
  let slow: TestIdp;
  let realmFile: string;
  beforeAll(async () => {
    // Same realm without the quick-login check, so only the failure count matters.
    realmFile = await realmVariant({ quickLoginCheckMilliSeconds: 0 });
    slow = await startTestIdp({ realmFile });
  });
  afterAll(async () => {
    await slow.stop();
    await rm(dirname(realmFile), { recursive: true, force: true });
  });

  it('accepts the password after 9 failures, locks after the 10th', async () => {
    for (let i = 0; i < 9; i += 1)
      expect((await passwordLogin(slow, 'finance1', `bad-${i}`)).status).toBe(400);
    expect((await passwordLogin(slow, 'finance1', 'Finance1#2026')).status).toBe(200);
    for (let i = 0; i < 10; i += 1)
      expect((await passwordLogin(slow, 'finance1', `bad-${i}`)).status).toBe(400);
    expect(await passwordLogin(slow, 'finance1', 'Finance1#2026')).toMatchObject({ status: 400 });
    const { callback } = await codeLogin(slow, 'finance1', 'Finance1#2026', PKCE).catch(() => ({
      callback: undefined,
    }));
    expect(callback?.searchParams.get('code') ?? null).toBeNull();
    // Another user is not affected.
    expect((await passwordLogin(slow, 'commercial1', 'Commercial1#2026')).status).toBe(200);
  });
});

describe('temporary password (UPDATE_PASSWORD required action)', () => {
  it('asks for a new password on the login page, then logs in', async () => {
    const temp = await startTestIdp();
    try {
      const admin = await temp.token({ grant_type: 'client_credentials' });
      const { access_token: token } = (await admin.json()) as { access_token: string };
      const users = (await (
        await fetch(`${temp.idp.url}/admin/realms/ERP_Velosi/users?username=ops1&exact=true`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as Array<{ id: string }>;
      const reset = await fetch(
        `${temp.idp.url}/admin/realms/ERP_Velosi/users/${users[0]!.id}/reset-password`,
        {
          method: 'PUT',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'password', value: 'Temp#2026-ops1', temporary: true }),
        },
      );
      expect(reset.status).toBe(204);
      expect(await passwordLogin(temp, 'ops1', 'Temp#2026-ops1')).toMatchObject({
        status: 400,
        body: { error_description: 'Account is not fully set up' },
      });

      const jar = new CookieJar();
      const page = await openLoginPage(temp, jar, PKCE);
      const update = await browserPost(jar, page.action!, { username: 'ops1', password: 'Temp#2026-ops1' });
      const form = await update.text();
      expect(form).toContain('id="password-new"');
      expect(form).toContain('id="password-confirm"');
      const mismatch = await browserPost(jar, page.action!, {
        action: 'update-password',
        'password-new': 'Brand#New2026',
        'password-confirm': 'Other#2026',
      });
      expect(await mismatch.text()).toContain('Les mots de passe ne sont pas identiques.');
      const done = await browserPost(jar, page.action!, {
        action: 'update-password',
        'password-new': 'Brand#New2026',
        'password-confirm': 'Brand#New2026',
      });
      const { url } = await follow(jar, done, page.action!);
      expect(new URL(url).searchParams.get('code')).toBeTruthy();
      expect((await passwordLogin(temp, 'ops1', 'Brand#New2026')).status).toBe(200);
    } finally {
      await temp.stop();
    }
  });
});
