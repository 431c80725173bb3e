import { describe, expect, inject, it } from 'vitest';
import { demoLogins } from '../../../scripts/lib/stack.mjs';
import { browserForSuite, screenshot } from '../../src/browser.js';
import { logIn } from '../../src/session.js';
import { scrollsSideways } from '../../src/ui.js';

describe('the audit log shows an administrator their own sign-in (issue 12)', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('admin signs in through the API, opens Administration → Audit log, filters by actor, sees the login row', async () => {
    // Both sign-ins are audited: the API's server-side one (a client without a browser) and the
    // browser's at the identity provider, recorded at the first request of its session.
    const password = (demoLogins() as Record<string, string>)['admin'] ?? '';
    const signIn = await fetch(new URL('/api/auth/login', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(signIn.status).toBe(200);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, baseUrl, 'admin', undefined, '/admin/users');
    await page
      .getByRole('link', { name: /Journal d'audit|Audit log/ })
      .first()
      .click();
    await page.waitForURL(/\/admin\/audit/);
    await page.getByTestId('audit-table').waitFor();

    await page.getByTestId('audit-search').fill('admin');
    await page.waitForURL(/q=admin/);
    await page.getByTestId('audit-filter-action').click();
    await page.getByRole('option', { name: /^(Connexion|Sign-in)$/ }).click();
    await page.waitForURL(/action=login/);
    // The object filter offers the types in words and sends the code the API expects.
    await page.getByTestId('audit-filter-entity').click();
    await page.getByRole('option', { name: /^(Connexion|Sign-in)$/ }).click();
    await page.waitForURL(/entity=auth/);
    const rows = page.locator('[data-testid^="audit-row-"]');
    await rows.first().waitFor();
    await expect.poll(() => rows.first().textContent()).toMatch(/admin/);
    const texts = () => rows.allTextContents();
    await expect.poll(async () => (await texts()).some((row) => row.includes('"password"'))).toBe(true);
    await expect
      .poll(async () => (await texts()).some((row) => row.includes('"identity_provider"')))
      .toBe(true);
    // The action is shown in words (the raw key stays in the badge's title).
    expect(await rows.first().textContent()).toMatch(/Connexion|Sign-in/);
    // So are the sign-in details it records (the raw names stay in the summary's title).
    const summary = await rows.first().locator('summary').first().textContent();
    expect(summary).toMatch(/Adresse IP|IP address/);
    expect(summary).not.toMatch(/userAgent|sessionId/);
    await screenshot(page, 'audit-desktop');

    const url = page.url();
    await context.close();

    // The same filtered address on a phone: cards, no sideways scrolling.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const phone = await phoneContext.newPage();
    await logIn(phone, baseUrl, 'admin', undefined, new URL(url).pathname + new URL(url).search);
    const cards = phone.locator('[data-testid^="audit-row-"]');
    await cards.first().waitFor();
    expect(await cards.first().textContent()).toMatch(/Connexion|Sign-in/);
    // The object filter reads its choice in words, not the stored code.
    expect((await phone.getByTestId('audit-filter-entity').textContent())?.trim()).toMatch(
      /^(Connexion|Sign-in)$/,
    );
    expect(await scrollsSideways(phone)).toBe(false);
    await screenshot(phone, 'audit-390');
    await phoneContext.close();
  });
});
