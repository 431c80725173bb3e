import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cspViolations, browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, pickOptions, submitDialog } from '../../src/dialogs.js';
import { logIn, logOut } from '../../src/session.js';

// Issue 3 journeys, identical against the dev IdP and real Keycloak (only the issuer differs).
describe('identity journeys', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('commercial1 logs in, sees no Administration menu, and logs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const blocked = cspViolations(page);
    // The access token the SPA sends, to check that signing out makes the API refuse it.
    let accessToken = '';
    page.on('request', (request) => {
      const auth = request.headers()['authorization'];
      if (request.url().includes('/api/') && auth?.startsWith('Bearer ')) accessToken = auth.slice(7);
    });
    await logIn(page, baseUrl, 'commercial1');
    await page.getByTestId('user-menu').click();
    await expect(page.getByTestId('user-name').textContent()).resolves.toContain('Amira');
    await expect(page.getByTestId('user-roles').textContent()).resolves.toMatch(/Commercial/i);
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('nav-leads').count()).toBe(1);
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    await screenshot(page, '10-commercial1-shell');
    // The app's CSP lets it talk to this identity provider (dev IdP or Keycloak), nothing blocked.
    expect(blocked).toEqual([]);
    const verify = () =>
      fetch(`${baseUrl}/api/auth/verify`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect((await verify()).status).toBe(200);
    await logOut(page);
    // A copy of the token taken before signing out is refused at once, not when it expires.
    expect((await verify()).status).toBe(401);
    // After logout the application asks for credentials again.
    await page.goto(baseUrl);
    await page.waitForURL(/\/realms\/ERP_Velosi\//);
    await expect(page.locator('#kc-login').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('admin creates a COMMERCIAL user who logs in; once disabled, their next refresh fails', async () => {
    const username = `e2e.user${Date.now().toString(36)}`;
    const password = 'Velosi-e2e-Pass1';

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await logIn(admin, baseUrl, 'admin', undefined, '/admin/users');
    await admin.getByTestId('users-table').waitFor();
    const form = await openDialog(admin, admin.getByTestId('user-create'));
    await form.locator('input[formcontrolname=username]').fill(username);
    await form.locator('input[formcontrolname=firstName]').fill('Sami');
    await form.locator('input[formcontrolname=lastName]').fill('Trabelsi');
    await form.locator('input[formcontrolname=email]').fill(`${username}@velosi.example`);
    await form.locator('input[formcontrolname=password]').fill(password);
    await pickOptions(admin, form.locator('mat-select[formcontrolname=roles]'), ['role-option-COMMERCIAL']);
    const temporary = form.locator('mat-checkbox[formcontrolname=temporaryPassword] input');
    if (await temporary.isChecked()) await temporary.uncheck();
    await screenshot(admin, '11-admin-create-user');
    await submitDialog(admin, admin.getByTestId('user-form-submit'), 'admin-create-user');
    await admin.getByTestId(`user-row-${username}`).waitFor();

    // The new user logs in; their clock is controlled so the token refresh can be brought forward.
    const userContext = await browser.newContext();
    await userContext.clock.install();
    const user: Page = await userContext.newPage();
    await logIn(user, baseUrl, username, password);
    expect(await user.getByTestId('nav-admin').count()).toBe(0);
    await screenshot(user, '12-new-user-shell');

    // Admin disables them.
    const row = admin.getByTestId(`user-row-${username}`);
    await row.getByTestId('user-toggle-enabled').click();
    await admin.getByTestId('confirm').click();
    await expect
      .poll(async () => row.getByTestId('user-toggle-enabled').getAttribute('data-enabled'), {
        timeout: 15_000,
      })
      .toBe('false');

    // Their next refresh (scheduled before the 5-minute expiry) fails: the app says the session ended.
    await user.clock.fastForward('04:30');
    await user.getByTestId('session-expired').waitFor({ timeout: 30_000 });
    await screenshot(user, '13-disabled-user-session-expired');
    await userContext.close();
    await adminContext.close();
  });
});
