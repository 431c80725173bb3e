// Logging in as a person does: open the app, get redirected to the identity provider's login page
// (the dev IdP and Keycloak share the form's ids), type the credentials, land back in the shell.
import type { Page } from 'playwright-core';
import { demoLogins } from '../../scripts/lib/stack.mjs';

/** Passwords of the dev realm overlay's demo users (the file both IdPs import). */
const DEMO_PASSWORDS: Readonly<Record<string, string>> = demoLogins();

export async function submitLoginForm(page: Page, username: string, password: string): Promise<void> {
  await page.waitForURL(/\/realms\/ERP_Velosi\//, { timeout: 30_000 });
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
}

/** Opens `path` and logs in on the IdP page it redirects to; resolves once the shell is shown. */
export async function logIn(page: Page, baseUrl: string, username: string, password?: string, path = '/') {
  await page.goto(new URL(path, baseUrl).toString());
  await submitLoginForm(page, username, password ?? DEMO_PASSWORDS[username] ?? '');
  await page.getByTestId('app-shell').waitFor({ timeout: 30_000 });
}

export async function logOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  // RP-initiated logout ends the IdP session; the app then needs a fresh login.
  await page.waitForURL(/\/realms\/ERP_Velosi\//, { timeout: 30_000 });
}
