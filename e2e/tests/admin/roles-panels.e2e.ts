import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForSuite, screenshot } from '../../src/browser.js';
import { logIn } from '../../src/session.js';

/** API answers ≥ 400 seen by the page: a panel asked for something its user may not read. */
function failedRequests(page: Page): string[] {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() >= 400) {
      failed.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    }
  });
  page.on('requestfailed', (request) => {
    if (request.url().includes('/api/')) failed.push(`failed ${request.method()} ${request.url()}`);
  });
  return failed;
}

/** Error panels and banners a user would see. */
const errorPanels = (page: Page) =>
  page.locator('.state-error, [role="alert"].banner.error, app-forbidden').count();

describe('FINANCE and OPERATIONS never get a panel that fails (issue 7, item 5)', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  for (const user of ['finance1', 'ops1'] as const) {
    it(`${user}: home, clients, a client, quotes and a quote — no failed request, no error panel`, async () => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const failed = failedRequests(page);
      await logIn(page, baseUrl, user, undefined, '/');
      await page.waitForLoadState('networkidle');
      // The shipments to follow are for those who run jobs (operations), each group a link to the
      // jobs list filtered alike.
      if (user === 'ops1') {
        const departing = page.getByTestId('shipments-link-departing');
        await departing.waitFor();
        expect(await departing.getAttribute('href')).toMatch(/^\/jobs\?status=open,booked&etdFrom=/);
        await screenshot(page, '89-ops1-home-shipments');
      } else {
        expect(await page.getByTestId('shipments').count()).toBe(0);
      }

      await page.goto(`${baseUrl}/clients`);
      const firstClient = page.locator('[data-testid^="client-row-"] a').first();
      await firstClient.waitFor({ timeout: 20_000 });
      await firstClient.click();
      await page.getByTestId('client-detail').waitFor();
      await page.waitForLoadState('networkidle');
      // Panels this role cannot read are left out, not shown failing.
      expect(await page.getByTestId('client-opportunities').count()).toBe(0);
      expect(await page.locator('app-timeline').count()).toBe(0);
      await screenshot(page, `90-${user}-client-detail`);
      expect(await errorPanels(page)).toBe(0);

      await page.goto(`${baseUrl}/quotes`);
      await page.getByTestId('quotes-search').waitFor();
      await page.waitForLoadState('networkidle');
      const firstQuote = page.locator('table a[href^="/quotes/"]').first();
      if (await firstQuote.count()) {
        await firstQuote.click();
        await page.getByTestId('quote-number').waitFor();
        await page.waitForLoadState('networkidle');
        await screenshot(page, `91-${user}-quote-detail`);
      }
      expect(await errorPanels(page)).toBe(0);
      expect(failed).toEqual([]);
      await context.close();
    });
  }
});
