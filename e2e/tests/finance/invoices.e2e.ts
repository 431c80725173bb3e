import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { apiAs } from '../../src/api-client.js';
import { cspViolations, browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, submitDialog } from '../../src/dialogs.js';
import { logIn } from '../../src/session.js';
import { ENGLISH_TND, FRENCH_TND, scrollsSideways, useLanguage } from '../../src/ui.js';

interface Row {
  id: string;
  number: string;
  status: string;
}

const statusOf = async (page: Page) => (await page.getByTestId('invoice-status').innerText()).trim();

describe('finance invoices a delivered job from the job page (issue 14)', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('finance1: job → Facturer → draft → issue → PDF; list and detail in FR and EN, desktop and phone', async () => {
    // The demo's delivered road job (apps/api/src/jobs/demo/jobs.demo.ts: Carthage → Milano).
    const finance = await apiAs(baseUrl, 'finance1');
    const jobs = await finance<{ items: Row[] }>('GET', '/api/jobs?status=delivered&pageSize=10');
    const job = jobs.items[0];
    expect(job, 'a delivered demo job').toBeDefined();

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const blocked = cspViolations(page);
    await logIn(page, baseUrl, 'finance1', undefined, '/jobs');
    await useLanguage(page, 'fr');
    await page.goto(new URL(`/jobs/${job!.id}`, baseUrl).toString());
    await page.getByTestId('job-number').waitFor();
    await page.getByTestId('job-invoices').getByText('Aucune facture pour ce dossier.').waitFor();

    // Facturer: every open revenue line is ticked; the draft opens.
    const dialog = await openDialog(page, page.getByTestId('job-invoice'));
    await dialog.getByTestId('job-invoice-line-0').waitFor();
    await submitDialog(page, dialog.getByTestId('job-invoice-confirm'), 'job-invoice');
    await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe('Brouillon');
    const draftTotal = (await page.getByTestId('invoice-total').innerText()).trim();
    expect(draftTotal).toMatch(FRENCH_TND);

    // Issue: numbered F{YYYY}-{NNNNN}, dated, due date set.
    const confirm = await openDialog(page, page.getByTestId('invoice-issue'));
    await confirm.getByTestId('confirm').click();
    // Issuing stores the PDF in the same request: longer than the default poll under load.
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe('Émise');
    const heading = await page.getByTestId('invoice-number').innerText();
    const number = /F\d{4}-\d{5}/.exec(heading)?.[0];
    expect(number, heading).toBeDefined();
    expect(await page.getByTestId('invoice-due-date').innerText()).not.toBe('—');
    await screenshot(page, 'invoices-detail-desktop-fr');

    // The PDF stored at issue, downloaded as the user does.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('invoice-pdf').click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const { text } = await extractText(new Uint8Array(await readFile(await download.path())), {
      mergePages: true,
    });
    expect(text).toContain(number!);
    expect(text.replace(/\D/g, '')).toContain(draftTotal.replace(/\D/g, ''));

    // The job page now lists the invoice with its status.
    await page.goto(new URL(`/jobs/${job!.id}`, baseUrl).toString());
    await page.getByTestId(`job-invoice-${number}`).waitFor();

    // The list: the new invoice, its total in French format, then in English.
    await page.goto(new URL('/invoices', baseUrl).toString());
    const row = page.getByTestId(`invoice-row-${number}`);
    await row.waitFor();
    expect((await row.locator('td.num').innerText()).trim()).toMatch(FRENCH_TND);
    await screenshot(page, 'invoices-list-desktop-fr');
    await useLanguage(page, 'en');
    await expect.poll(async () => (await row.locator('td.num').innerText()).trim()).toMatch(ENGLISH_TND);
    await page.getByRole('heading', { name: 'Invoices', exact: true }).waitFor();
    await screenshot(page, 'invoices-list-desktop-en');
    await row.click();
    await expect.poll(() => statusOf(page)).toBe('Issued');
    expect((await page.getByTestId('invoice-total').innerText()).trim()).toMatch(ENGLISH_TND);
    await screenshot(page, 'invoices-detail-desktop-en');
    expect(blocked).toEqual([]);

    // A 390 px phone: list and detail usable, no sideways scrolling, in both languages.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    contexts.push(phoneContext);
    const phone = await phoneContext.newPage();
    await logIn(phone, baseUrl, 'finance1', undefined, '/invoices');
    for (const lang of ['fr', 'en'] as const) {
      await phone.goto(new URL('/invoices', baseUrl).toString());
      await useLanguage(phone, lang);
      await phone.getByTestId(`invoice-row-${number}`).waitFor();
      expect(await scrollsSideways(phone)).toBe(false);
      await screenshot(phone, `invoices-list-phone-${lang}`);
      await phone.getByTestId(`invoice-row-${number}`).click();
      await phone.getByTestId('invoice-total').waitFor();
      expect(await scrollsSideways(phone)).toBe(false);
      await screenshot(phone, `invoices-detail-phone-${lang}`);
    }
  });
});
