import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cspViolations, browserForSuite, screenshot } from '../src/browser.js';
import { apiAs } from '../src/api-client.js';
import { logIn } from '../src/session.js';

async function unreadBadge(page: Page): Promise<string> {
  const badge = page.locator('[data-testid="notification-badge"] .mat-badge-content');
  return (await badge.isVisible()) ? ((await badge.textContent()) ?? '').trim() : '';
}

describe('a commercial hears of an accepted quote and finds quotes with Ctrl+K', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('public acceptance → bell → quote; Ctrl+K by number → quote (desktop and 390 px)', async () => {
    // A sent quote of commercial1, prepared through the API (the quote editor has its own journey).
    const api = await apiAs(baseUrl, 'commercial1');
    const stamp = Date.now().toString(36);
    const client = await api<{ id: string }>('POST', '/api/clients', { name: `Dattes de Tozeur ${stamp}` });
    await api('POST', `/api/clients/${client.id}/contacts`, {
      lastName: 'Mansour',
      emails: [`achats.${stamp}@dattes-tozeur.example`],
      isPrimary: true,
    });
    const created = await api<{ id: string; number: string }>('POST', '/api/quotes', {
      clientId: client.id,
      title: `Dattes vers Marseille ${stamp}`,
      mode: 'sea_fcl',
      direction: 'export',
      incoterm: 'FOB',
      incotermPlace: 'Radès',
      origin: { locationCode: 'TNRDS' },
      destination: { locationCode: 'FRMRS' },
      commodity: 'Dattes Deglet Nour',
      containers: [{ type: '40HC', count: 1 }],
      currency: 'EUR',
      exchangeRate: '3.35',
      items: [
        {
          kind: 'freight',
          description: 'Fret maritime Radès → Marseille, 40HC',
          chargeTypeCode: 'OFR',
          quantity: '1',
          unit: 'per_container',
          buyUnitPrice: '1500',
          sellUnitPrice: '1850',
          currency: 'EUR',
          exchangeRate: '3.35',
          vatRate: 0,
          isDisbursement: false,
        },
      ],
    });
    const sent = await api<{ publicUrl: string }>('POST', `/api/quotes/${created.id}/send`, { version: 1 });
    const publicPath = new URL(sent.publicUrl).pathname;

    // commercial1 is in the ERP.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const blocked = cspViolations(page);
    await logIn(page, baseUrl, 'commercial1');
    await page.getByTestId('notification-bell').waitFor();
    const before = await unreadBadge(page);

    // The customer accepts through the public link.
    const customer = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const publicPage = await customer.newPage();
    await publicPage.goto(new URL(publicPath, baseUrl).toString());
    await publicPage.getByTestId('public-quote-accept').click();
    await publicPage.getByTestId('public-quote-reference').fill(`PO-${stamp}`);
    await publicPage.getByTestId('public-quote-accept-confirm').click();
    await publicPage.getByTestId('public-quote-accepted').waitFor();
    await customer.close();

    // The bell shows it (opening the menu asks at once instead of waiting for the next poll).
    await page.getByTestId('notification-bell').click();
    const item = page.locator('[data-testid="notification-quote-accepted"]', { hasText: created.number });
    await item.waitFor({ timeout: 15_000 });
    await expect.poll(() => unreadBadge(page), { timeout: 10_000 }).not.toBe(before);
    await screenshot(page, '60-notifications-bell');
    await item.click();
    await page.waitForURL(new RegExp(`/quotes/${created.id}$`));
    await page.getByTestId('quote-status').waitFor();

    // Ctrl+K, the quote number, Enter.
    await page.goto(`${baseUrl}/`);
    await page.getByTestId('app-shell').waitFor();
    await page.keyboard.press('Control+k');
    const input = page.getByTestId('global-search-input');
    await input.waitFor();
    await input.fill(created.number);
    await page.locator('[data-testid="search-hit-quotes"]', { hasText: created.number }).waitFor();
    await screenshot(page, '61-global-search');
    await input.press('Enter');
    await page.waitForURL(new RegExp(`/quotes/${created.id}$`));

    // The preferences page: in-app always, e-mail per kind.
    await page.goto(`${baseUrl}/notifications/preferences`);
    await page.getByTestId('email-quote-accepted').waitFor();
    await screenshot(page, '62-notification-preferences');
    expect(blocked).toEqual([]);
    await context.close();

    // 390 px: the same top bar, bell and search dialog fit.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const small = await phone.newPage();
    await logIn(small, baseUrl, 'commercial1');
    await small.getByTestId('notification-bell').click();
    await small.locator('[data-testid="notification-quote-accepted"]').first().waitFor();
    await screenshot(small, '63-notifications-bell-390');
    await small.keyboard.press('Escape');
    await small.getByTestId('global-search').click();
    await small.getByTestId('global-search-input').fill(created.number);
    await small.locator('[data-testid="search-hit-quotes"]').first().waitFor();
    await screenshot(small, '64-global-search-390');
    // Against 390 itself: a mobile layout viewport widens to the content, so innerWidth would hide it.
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();
  });
});
