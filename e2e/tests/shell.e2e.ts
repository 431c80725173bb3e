import { describe, expect, inject, it } from 'vitest';
import { cspViolations, browserForSuite, screenshot } from '../src/browser.js';
import { logIn } from '../src/session.js';

describe('application shell served by npm start', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('renders the shell, the navigation and the API info in French after login', async () => {
    const page = await browser.newPage();
    const blocked = cspViolations(page);
    await logIn(page, baseUrl, 'admin');
    const nav = page.getByTestId('side-nav');
    for (const label of ['Tableau de bord', 'Prospects', 'Opportunités', 'Cotations', 'Clients']) {
      await expect(nav.getByText(label, { exact: false }).first().isVisible()).resolves.toBe(true);
    }
    // The API status card lives in Administration (the home page is the dashboard).
    await nav.getByText('Administration').first().click();
    await page.getByTestId('admin-tab-status').click();
    const database = page.getByTestId('api-info-database');
    await database.waitFor();
    await expect(database.textContent()).resolves.toMatch(/pglite/);
    await expect(page.getByTestId('api-info-name').textContent()).resolves.toContain('Velosi ERP');
    await screenshot(page, '01-shell-fr');
    // The security headers are served with the app: nothing it needs may be blocked by them.
    const response = await page.request.get(baseUrl);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers()['referrer-policy']).toBe('no-referrer');
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('fetches each translation file and the favicon at most once per boot, across a login and two navigations', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // Every document load of the app is a boot (the login's return from the IdP is one); the app's
    // requests after it are that boot's.
    const origin = new URL(baseUrl).origin;
    const boots: string[][] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== origin) return;
      if (request.resourceType() === 'document') boots.push([]);
      boots.at(-1)?.push(url.pathname);
    });
    await logIn(page, baseUrl, 'commercial1');
    const nav = page.getByTestId('side-nav');
    await nav.getByText('Opportunités').first().click();
    await page.getByTestId('kanban-column-proposal').waitFor();
    await nav.getByText('Cotations').first().click();
    await page.getByTestId('quotes-table').waitFor();
    // Chromium asks for a linked favicon again a moment after each in-app navigation.
    await page.waitForTimeout(1_000);
    const assets = boots.map((paths) => paths.filter((p) => /^\/(i18n\/|favicon)/.test(p)));
    expect(assets.flat()).toEqual(
      expect.arrayContaining(['/i18n/fr.json', '/i18n/sales/fr.json', '/i18n/quotes/fr.json']),
    );
    expect(assets.map((paths) => paths.filter((p, i) => paths.indexOf(p) !== i))).toEqual(
      assets.map(() => []),
    );
    await page.close();
  });

  it('shows the 404 page for an unknown client route', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${baseUrl}/this/does/not/exist`);
    expect(response?.status()).toBe(200); // index.html fallback: the SPA decides
    await page.getByTestId('not-found').waitFor();
    await screenshot(page, '02-not-found');
    await page.close();
  });

  it('a tab opened before a deployment loads the page it goes to again, instead of staying put', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, baseUrl, 'commercial1');
    // The deployment: the chunks this tab has not fetched yet are gone (404) until it loads again.
    const chunks = /\/chunk-[^/]+\.js$/;
    let gone = 0;
    await page.route(chunks, (route) => {
      gone += 1;
      return route.fulfill({ status: 404, body: 'gone' });
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) void page.unroute(chunks).catch(() => undefined);
    });
    await page.getByTestId('side-nav').getByText('Activités').first().click();
    await page.waitForURL(/\/activities$/, { timeout: 30_000 });
    await page.getByTestId('app-shell').waitFor({ timeout: 30_000 });
    await expect(page.locator('h1').first().innerText()).resolves.toBe('Activités');
    expect(gone).toBeGreaterThan(0);
    await page.close();
  });
});
