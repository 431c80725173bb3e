import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cspViolations, browserForSuite, screenshot } from '../src/browser.js';
import { apiAs } from '../src/api-client.js';
import { logIn } from '../src/session.js';
import { useLanguage } from '../src/ui.js';

/** French money as the SPA writes it (`2 143,000 TND`), from the API's decimal string. */
function frenchTnd(amount: string): string {
  const [units = '0', millimes = '000'] = amount.split('.');
  return `${units.replace(/\B(?=(\d{3})+$)/g, ' ')},${millimes.padEnd(3, '0')} TND`;
}

/** Text with the narrow and non-breaking spaces of Intl as plain spaces. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

/**
 * Clicks the bar of `index` in the chart of `testId`, where chart.js drew it (`data-segments`),
 * until the page leaves the dashboard (a click during the opening animation may miss the bar).
 */
async function clickSegment(page: Page, testId: string, index: number, leavesTo: RegExp): Promise<void> {
  const canvas = page.getByTestId(testId).locator('canvas');
  await expect.poll(() => canvas.getAttribute('data-segments'), { timeout: 15_000 }).toBeTruthy();
  await expect
    .poll(
      async () => {
        if (leavesTo.test(page.url())) return page.url();
        const segments = JSON.parse((await canvas.getAttribute('data-segments')) ?? '[]') as [
          number,
          number,
        ][];
        const [x, y] = segments[index] ?? [0, 0];
        await canvas.click({ position: { x, y: y + 4 }, timeout: 2_000 }).catch(() => undefined);
        return page.url();
      },
      { timeout: 15_000, interval: 500 },
    )
    .toMatch(leavesTo);
}

describe('the daily cockpit', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('commercial1 sees the dashboard and opens the accepted quotes from the chart (desktop and 390 px)', async () => {
    // One quote of commercial1 accepted today, so the period has an "accepted" bar.
    const api = await apiAs(baseUrl, 'commercial1');
    const stamp = Date.now().toString(36);
    const client = await api<{ id: string }>('POST', '/api/clients', { name: `Cockpit Export ${stamp}` });
    await api('POST', `/api/clients/${client.id}/contacts`, {
      lastName: 'Ben Salah',
      emails: [`achats.${stamp}@cockpit.example`],
      isPrimary: true,
    });
    const quote = await api<{ id: string }>('POST', '/api/quotes', {
      clientId: client.id,
      title: `Tableau de bord ${stamp}`,
      mode: 'sea_fcl',
      direction: 'export',
      origin: { locationCode: 'TNRDS' },
      destination: { locationCode: 'FRMRS' },
      containers: [{ type: '40HC', count: 1 }],
      currency: 'TND',
      items: [
        {
          kind: 'freight',
          description: 'Fret maritime Radès → Marseille',
          quantity: '1',
          unit: 'shipment',
          buyUnitPrice: '800',
          sellUnitPrice: '1000',
          currency: 'TND',
          vatRate: 0,
          isDisbursement: false,
        },
      ],
    });
    await api('POST', `/api/quotes/${quote.id}/send`, { version: 1 });
    await api('POST', `/api/quotes/${quote.id}/accept`, { version: 2, transport: {} });
    // A call a month late (the oldest, so first of the card's six): the day's to-do names it with
    // its client, flagged late.
    await api('POST', '/api/activities', {
      type: 'call',
      subject: `Rappeler le client ${stamp}`,
      clientId: client.id,
      dueAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    });

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const blocked = cspViolations(page);
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await logIn(page, baseUrl, 'commercial1');
    await page.getByTestId('kpis').waitFor();
    // Target periods are named ("T4 2026", "décembre 2026"), dates are localised, never ISO.
    const targets = page.getByTestId('targets');
    await expect.poll(() => targets.textContent()).toMatch(/T[1-4] 20\d\d|[a-zé]+ 20\d\d|Année 20\d\d|Aucun/);
    expect(await targets.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await page.locator('.panel').allTextContents()).not.toContainEqual(
      expect.stringMatching(/\d{4}-\d{2}-\d{2}/),
    );
    await expect.poll(async () => (await page.getByTestId('kpi-revenue').textContent()) ?? '').toMatch(/\d/);
    const todo = page.getByTestId('todo-item').filter({ hasText: `Rappeler le client ${stamp}` });
    await expect.poll(() => todo.textContent()).toMatch(new RegExp(`Cockpit Export ${stamp}.*En retard`));
    const chart = page.getByTestId('chart-quotes-by-status');
    await chart.locator('canvas').waitFor();
    await expect.poll(() => chart.locator('canvas').getAttribute('data-segments')).toBeTruthy();
    await screenshot(page, '70-dashboard-commercial1');

    // Bars follow the status order: draft, sent, accepted, …
    await clickSegment(page, 'chart-quotes-by-status', 2, /\/quotes\?status=accepted/);
    await page.getByText(`Tableau de bord ${stamp}`).first().waitFor();
    await screenshot(page, '71-dashboard-accepted-quotes');
    expect(blocked).toEqual([]);
    // Every icon of the page is registered (an unknown one logs "Error retrieving icon").
    expect(consoleErrors.filter((text) => /retrieving icon/i.test(text))).toEqual([]);
    await context.close();

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const small = await phone.newPage();
    await logIn(small, baseUrl, 'commercial1');
    await small.getByTestId('kpis').waitFor();
    await small.getByTestId('chart-quotes-by-status').locator('canvas').waitFor();
    // Nothing wider than the screen.
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(small, '72-dashboard-390');
    await phone.close();
  });

  it('admin sets a target for commercial1 and sees its progress', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, baseUrl, 'admin', undefined, '/admin/targets');
    await page.getByTestId('target-form').waitFor();
    await page.getByTestId('target-commercial').click({ force: true });
    await page.getByRole('option', { name: /commercial1/ }).click();
    await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
    await page.getByTestId('target-period').click({ force: true });
    await page.getByRole('option', { name: 'Année' }).click();
    await page.getByTestId('target-revenue').fill('500000');
    await page.getByTestId('target-save').click();
    // The year's card (the demo also has this month's and quarter's targets).
    const progress = page
      .getByTestId('target-list')
      .locator('li', { hasText: 'Année' })
      .getByTestId('target-progress-revenue');
    await progress.waitFor();
    // Progress comes from the accepted quotes (at least the 1 000 TND one of the first test).
    await expect
      .poll(async () => ((await progress.textContent()) ?? '').trim())
      .toMatch(/^[1-9][\d\s\u202f.,]*TND \//);
    await screenshot(page, '73-admin-targets');
    await context.close();

    // On a phone the form and the targets fit the screen (the figures once widened the page).
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const small = await phone.newPage();
    await logIn(small, baseUrl, 'admin', undefined, '/admin/targets');
    await small.getByTestId('target-list').waitFor();
    for (const part of ['target-form', 'target-list']) {
      const box = await small.getByTestId(part).boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0), part).toBeLessThanOrEqual(390);
    }
    await phone.close();
  });

  it('finance1 sees what clients owe, of which overdue, and opens the overdue invoices (FR, EN, 390 px)', async () => {
    // The expected figures are the receivables page's totals and the invoice list's overdue filter.
    const api = await apiAs(baseUrl, 'finance1');
    const { totals } = await api<{ totals: { balanceTnd: string; overdueTnd: string } }>(
      'GET',
      '/api/receivables',
    );
    const overdue = await api<{ total: number; items: { number: string }[] }>(
      'GET',
      '/api/invoices?paymentStatus=overdue',
    );
    // The demo seeds overdue invoices (see apps/api/src/demo), so the card has figures to show.
    expect(overdue.total).toBeGreaterThan(0);

    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    const blocked = cspViolations(page);
    await logIn(page, baseUrl, 'finance1');
    const card = page.getByTestId('receivables-card');
    await card.waitFor();
    expect(plain(await card.getByTestId('receivables-outstanding').textContent())).toBe(
      frenchTnd(totals.balanceTnd),
    );
    expect(plain(await card.getByTestId('receivables-overdue').textContent())).toBe(
      frenchTnd(totals.overdueTnd),
    );
    const link = card.getByTestId('receivables-overdue-link');
    expect(plain(await link.textContent())).toBe(
      `${overdue.total} facture${overdue.total > 1 ? 's' : ''} en retard`,
    );
    // Plain links take the theme colour (styles.scss), the page title's, not the browser's blue.
    const colour = (locator: typeof link) => locator.evaluate((el) => getComputedStyle(el).color);
    expect(await colour(link)).toBe(await colour(page.locator('.page-title')));
    // No sales figures for FINANCE: the API leaves them out.
    expect(await page.getByTestId('kpis').count()).toBe(0);
    // Nor a period picker: receivables and open jobs are as of now.
    expect(await page.getByTestId('period-preset').count()).toBe(0);
    await screenshot(page, '74-dashboard-finance1');
    await link.click();
    await page.waitForURL(/\/invoices\?.*paymentStatus=overdue/);
    // The list shows the same overdue invoices.
    for (const invoice of overdue.items) {
      await page.getByTestId(`invoice-row-${invoice.number}`).first().waitFor();
    }
    expect(blocked).toEqual([]);
    await context.close();

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const small = await phone.newPage();
    await logIn(small, baseUrl, 'finance1');
    await useLanguage(small, 'en');
    const phoneCard = small.getByTestId('receivables-card');
    await expect.poll(() => phoneCard.locator('.panel-title').textContent()).toBe('Receivables');
    expect(plain(await phoneCard.getByTestId('receivables-overdue').textContent())).toMatch(
      /^[\d,]+\.\d{3} TND$/,
    );
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(small, '75-dashboard-finance1-390-en');
    await useLanguage(small, 'fr');
    await phone.close();
  });
});
