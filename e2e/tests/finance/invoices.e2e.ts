import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { apiAs } from '../../src/api-client.js';
import { cspViolations, browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, submitDialog } from '../../src/dialogs.js';
import { pick } from '../../src/pickers.js';
import { logIn } from '../../src/session.js';
import { cutSideways, ENGLISH_TND, FRENCH_TND, scrollsSideways, useLanguage } from '../../src/ui.js';

interface Row {
  id: string;
  number: string;
  status: string;
}
interface InvoiceRead {
  id: string;
  clientId: string;
  currency: string;
  invoiceDate: string;
  openAmount: string;
  jobNumber: string | null;
}

const statusOf = async (page: Page) => (await page.getByTestId('invoice-status').innerText()).trim();
const textOf = async (page: Page, testId: string) => (await page.getByTestId(testId).innerText()).trim();

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
    // The dialog shows the amounts the draft will get (foreign lines at the rate of the day) and
    // says which rate: the same figures as the draft's lines below.
    const offered = (await dialog.locator('[data-testid^="job-invoice-line-"]').allInnerTexts()).map((text) =>
      text.split(' — ').pop()?.trim(),
    );
    for (const note of await dialog.locator('[data-testid^="job-invoice-rate-"]').allInnerTexts()) {
      expect(note).toMatch(/convertis au taux du .+ \([\d,]+\)|Aucun taux/);
    }
    await submitDialog(page, dialog.getByTestId('job-invoice-confirm'), 'job-invoice');
    await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe('Brouillon');
    const drafted = await page.getByTestId('invoice-lines').locator('tbody tr td:last-child').allInnerTexts();
    expect(drafted.map((text) => text.trim())).toEqual(offered);
    // The chip says "Brouillon": the title beside it does not repeat it.
    expect((await page.getByTestId('invoice-number').innerText()).trim()).toBe('Facture');
    const draftTotal = (await page.getByTestId('invoice-total').innerText()).trim();
    expect(draftTotal).toMatch(FRENCH_TND);

    // Issue: numbered F{YYYY}-{NNNNN}, dated, due date set.
    const confirm = await openDialog(page, page.getByTestId('invoice-issue'));
    await confirm.getByTestId('confirm').click();
    // Issuing stores the PDF in the same request: longer than the default poll under load.
    // Once issued, the chip says whether it is paid (not just "Émise").
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe('Non payée');
    // The job is named by its number and links to it.
    const jobLink = page.getByTestId('invoice-job-link');
    expect((await jobLink.innerText()).trim()).toBe(`Dossier ${job!.number}`);
    expect(await jobLink.getAttribute('href')).toBe(`/jobs/${job!.id}`);
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
    // Every revenue line is billed now: "Facturer" says so and offers nothing to submit.
    const none = await openDialog(page, page.getByTestId('job-invoice'));
    await none.getByTestId('job-invoice-none').waitFor();
    expect(await none.getByTestId('job-invoice-confirm').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await none.waitFor({ state: 'detached' });
    await screenshot(page, 'invoices-job-invoiced-desktop-fr');

    // The list: the new invoice, its total in French format, then in English.
    await page.goto(new URL('/invoices', baseUrl).toString());
    const row = page.getByTestId(`invoice-row-${number}`);
    await row.waitFor();
    const total = row.locator('td.mat-column-total');
    expect((await total.innerText()).trim()).toMatch(FRENCH_TND);
    // "Reste dû": nothing paid yet, the whole total is due (TND invoice: same figure).
    expect((await row.getByTestId('invoice-row-due').innerText()).trim()).toBe(
      (await total.innerText()).trim(),
    );
    await screenshot(page, 'invoices-list-desktop-fr');
    await useLanguage(page, 'en');
    await expect.poll(async () => (await total.innerText()).trim()).toMatch(ENGLISH_TND);
    await page.getByRole('heading', { name: 'Invoices', exact: true }).waitFor();
    await screenshot(page, 'invoices-list-desktop-en');
    expect(await row.getByTestId('invoice-row-status').innerText()).toBe('Unpaid');
    expect(await row.getByTestId('invoice-row-job').innerText()).toBe(`Job ${job!.number}`);
    await row.click();
    await expect.poll(() => statusOf(page)).toBe('Unpaid');
    expect(await textOf(page, 'invoice-job-link')).toBe(`Job ${job!.number}`);
    expect((await page.getByTestId('invoice-total').innerText()).trim()).toMatch(ENGLISH_TND);
    await screenshot(page, 'invoices-detail-desktop-en');

    // Paid in full (through the API): the list and the detail header say "Paid" at a glance.
    const invoiceId = /\/invoices\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    const read = await finance<InvoiceRead>('GET', `/api/invoices/${invoiceId}`);
    expect(read.jobNumber).toBe(job!.number);
    await finance('POST', '/api/payments', {
      clientId: read.clientId,
      receivedOn: read.invoiceDate,
      method: 'transfer',
      amount: read.openAmount,
      currency: read.currency,
      allocations: [{ invoiceId: read.id, amount: read.openAmount }],
    });
    await page.reload();
    await expect.poll(() => statusOf(page), { timeout: 30_000 }).toBe('Paid');
    await page.goto(new URL('/invoices', baseUrl).toString());
    await row.waitFor();
    await expect
      .poll(() => row.getByTestId('invoice-row-status').innerText(), { timeout: 10_000 })
      .toBe('Paid');
    expect((await row.getByTestId('invoice-row-due').innerText()).trim()).toBe('0.000 TND');
    await screenshot(page, 'invoices-list-paid-desktop-en');
    expect(blocked).toEqual([]);

    // A 390 px phone: list and detail usable, no sideways scrolling, in both languages.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    contexts.push(phoneContext);
    const phone = await phoneContext.newPage();
    await logIn(phone, baseUrl, 'finance1', undefined, '/invoices');
    for (const lang of ['fr', 'en'] as const) {
      await phone.goto(new URL('/invoices', baseUrl).toString());
      await useLanguage(phone, lang);
      const card = phone.getByTestId(`invoice-row-${number}`);
      await card.waitFor();
      // On a phone the row is a card: its chip and job number still read at a glance.
      await expect
        .poll(() => card.getByTestId('invoice-row-status').innerText(), { timeout: 10_000 })
        .toBe(lang === 'fr' ? 'Payée' : 'Paid');
      expect(await card.getByTestId('invoice-row-job').innerText()).toBe(
        `${lang === 'fr' ? 'Dossier' : 'Job'} ${job!.number}`,
      );
      expect(await scrollsSideways(phone)).toBe(false);
      await screenshot(phone, `invoices-list-phone-${lang}`);
      await phone.getByTestId(`invoice-row-${number}`).click();
      await phone.getByTestId('invoice-total').waitFor();
      await expect.poll(() => statusOf(phone), { timeout: 10_000 }).toBe(lang === 'fr' ? 'Payée' : 'Paid');
      expect(await scrollsSideways(phone)).toBe(false);
      // Each line is a card, not a table to scroll inside its box.
      expect(await cutSideways(phone, 'invoice-lines')).toBe(false);
      await screenshot(phone, `invoices-detail-phone-${lang}`);
    }
  }, 180_000);
});

describe('a new invoice in a foreign currency', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('finance1: EUR for the invoice prices its lines in EUR at the day’s rate; they read 1 250,00 EUR', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, baseUrl, 'finance1', undefined, '/invoices/new');
    await page.getByTestId('invoice-editor-back').waitFor();
    await pick(page, page.getByTestId('invoice-client'), 'Hanse', /Hanse Trading/);
    await page.getByTestId('invoice-currency').click();
    await page.locator('mat-option', { hasText: /^\s*EUR\s*$/ }).click();
    // The day's reference rate is proposed (never the TND's 1), and the line follows the invoice.
    await expect
      .poll(() => page.getByTestId('invoice-rate').inputValue(), { timeout: 10_000 })
      .toMatch(/^\d,\d+$/);
    await expect.poll(() => page.getByTestId('invoice-line-currency-0').innerText()).toContain('EUR');
    await page.getByTestId('invoice-line-description-0').fill('Fret aérien Tunis → Hambourg');
    await page.getByTestId('invoice-line-price-0').fill('1250');
    await page.getByTestId('invoice-line-add').click();
    await expect.poll(() => page.getByTestId('invoice-line-currency-1').innerText()).toContain('EUR');
    await expect.poll(() => page.getByTestId('invoice-line-rate-1').inputValue()).toMatch(/^\d,\d+$/);
    await page.getByTestId('invoice-line-description-1').fill('Frais de dossier');
    await page.getByTestId('invoice-line-price-1').fill('40');
    await page.getByTestId('invoice-save').click();
    await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    const detail = page.locator('main');
    await expect.poll(() => detail.innerText()).toMatch(/1\s250,00 EUR/u);
    expect(await detail.innerText()).toMatch(/40,00 EUR/);
    await screenshot(page, '95-invoice-new-eur');
    await page.close();
  });
});
