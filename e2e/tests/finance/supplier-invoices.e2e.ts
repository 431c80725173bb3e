import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';

import { apiAs } from '../../src/api-client.js';
import { browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, submitDialog } from '../../src/dialogs.js';
import { logIn } from '../../src/session.js';
import { digits, scrollsSideways } from '../../src/ui.js';

/** On a phone the tab bar pages with chevrons: the tab gets the click event itself. */
const openTab = (page: Page, name: RegExp) => page.getByRole('tab', { name }).dispatchEvent('click');

describe('finance records a supplier invoice on a job and reads its profit (issue 14)', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('finance1 records the carrier invoice of the demo job at sea; the invoiced cost follows; ops1 reads only', async () => {
    // The demo sea job in transit has one actual cost line (2 × 1480 EUR × 3.35 = 9916.000 TND)
    // and no supplier invoice yet (jobs/demo, supplier-invoices/demo).
    const finance = await apiAs(baseUrl, 'finance1');
    const jobs = await finance<{ items: { id: string; number: string }[] }>(
      'GET',
      '/api/jobs?status=in_transit&pageSize=100',
    );
    const job = jobs.items[0]!;
    expect(job).toBeDefined();

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, baseUrl, 'finance1', undefined, `/jobs/${job.id}`);
    await openTab(page, /Rentabilité|Profitability/);
    await page.getByTestId('job-profit-table').waitFor();
    await page.getByTestId('profit-cost-actual').filter({ hasText: /\d/ }).waitFor();
    expect(digits(await page.getByTestId('profit-cost-invoiced').textContent())).toBe('0000');

    const dialog = await openDialog(page, page.getByTestId('supplier-invoice-record'));
    await dialog.getByTestId('si-supplier').fill('CMA CGM Tunisie');
    await dialog.getByTestId('si-number').fill(`CMA-E2E-${Date.now().toString(36)}`);
    await expect.poll(() => dialog.getByTestId('si-line-0').count()).toBe(1);
    await submitDialog(page, dialog.getByTestId('supplier-invoice-submit'), 'supplier-invoice');
    await page.locator('[data-testid^="supplier-invoice-CMA-E2E-"]').waitFor();
    // Invoiced at the line's own currency and rate: 2960 EUR × 3.35 = 9916.000 TND.
    await expect
      .poll(async () => digits(await page.getByTestId('profit-cost-invoiced').textContent()))
      .toBe('9916000');
    await screenshot(page, 'supplier-invoices-desktop');

    // The supplier invoices list names the job by its number (not "Dossier 1") and links to it.
    await page.goto(new URL('/supplier-invoices', baseUrl).toString());
    const jobLink = page.getByTestId(`supplier-invoice-job-${job.number}`).first();
    await jobLink.waitFor();
    expect((await jobLink.innerText()).trim()).toMatch(new RegExp(`^(Dossier|Job) ${job.number}$`));
    expect(await jobLink.getAttribute('href')).toBe(`/jobs/${job.id}`);
    await context.close();

    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const phone = await phoneContext.newPage();
    await logIn(phone, baseUrl, 'ops1', undefined, `/jobs/${job.id}`);
    await openTab(phone, /Rentabilité|Profitability/);
    await phone.locator('[data-testid^="supplier-invoice-CMA-E2E-"]').waitFor();
    expect(await phone.getByTestId('supplier-invoice-record').count()).toBe(0);
    expect(await scrollsSideways(phone)).toBe(false);
    await screenshot(phone, 'supplier-invoices-phone');
    await phoneContext.close();
  });
});
