import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { apiAs } from '../../src/api-client.js';
import { cspViolations, browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, submitDialog } from '../../src/dialogs.js';
import { logIn } from '../../src/session.js';
import {
  ENGLISH_TND,
  FRENCH_TND,
  cutSideways,
  rowAsCard,
  scrollsSideways,
  useLanguage,
} from '../../src/ui.js';

interface InvoiceRow {
  id: string;
  number: string;
  clientId: string;
  clientName: string;
  currency: string;
  openAmount: string;
  paymentStatus: string;
}
interface Receivable {
  clientName: string;
  balanceTnd: string;
  overdueTnd: string;
  notDueTnd: string;
  days0to30Tnd: string;
  days31to60Tnd: string;
  days61to90Tnd: string;
  over90Tnd: string;
}

/** The partial payment this journey records (TND). */
const PAID = '100.000';

/** `1234.500` → millimes, so the test checks the amounts exactly without floats. */
const millimes = (amount: string) => {
  const [int = '0', frac = ''] = amount.split('.');
  return BigInt(int) * 1000n + BigInt(frac.padEnd(3, '0').slice(0, 3));
};
/** Millimes as the SPA shows TND: `1 234,500 TND` in French, `1,234.500 TND` in English. */
function tnd(value: bigint, lang: 'fr' | 'en'): string {
  const int = (value / 1000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u202f' : ',');
  return `${int}${lang === 'fr' ? ',' : '.'}${(value % 1000n).toString().padStart(3, '0')} TND`;
}
/** Same text whatever space the browser renders between thousands. */
const spaces = (text: string) => text.replace(/[\s\u00a0\u202f]/g, ' ').trim();
const textOf = async (page: Page, testId: string) => spaces(await page.getByTestId(testId).innerText());

async function pdfText(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const { text } = await extractText(new Uint8Array(await readFile(path)), { mergePages: true });
  return text;
}

describe('finance records a partial payment and reads the receivables (issue 14)', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();
  const contexts: BrowserContext[] = [];

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('finance1: invoice → record a partial payment → partially paid → receivables, ageing, statement; FR/EN, desktop/phone', async () => {
    // An issued, unpaid TND demo invoice (apps/api/src/payments/demo/payments.demo.ts).
    const finance = await apiAs(baseUrl, 'finance1');
    const unpaid = await finance<{ items: InvoiceRow[] }>(
      'GET',
      '/api/invoices?status=issued&kind=invoice&paymentStatus=unpaid&sort=number:asc&pageSize=50',
    );
    const invoice = unpaid.items.find((i) => i.currency === 'TND' && millimes(i.openAmount) > millimes(PAID));
    expect(invoice, 'an unpaid demo invoice in TND').toBeDefined();
    const { id, number, clientId } = invoice!;
    const before = await finance<Receivable>('GET', `/api/receivables/${clientId}`);
    const openAfter = millimes(invoice!.openAmount) - millimes(PAID);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const blocked = cspViolations(page);
    await logIn(page, baseUrl, 'finance1', undefined, '/invoices');
    await useLanguage(page, 'fr');
    await page.getByTestId('nav-section-finance').waitFor();
    await page.getByTestId('nav-payments').waitFor();

    // The invoice: unpaid, the whole amount open; "Enregistrer un paiement" prefilled with it.
    await page.goto(new URL(`/invoices/${id}`, baseUrl).toString());
    await page.getByTestId('invoice-settlement').waitFor();
    expect(await textOf(page, 'invoice-payment-status')).toBe('Non payée');
    const dialog = await openDialog(page, page.getByTestId('invoice-record-payment'));
    const allocated = dialog.locator('[data-testid^="payment-allocation-amount-"]');
    await allocated.waitFor();
    expect(await allocated.count()).toBe(1);
    // Both inputs pre-filled with the open amount, written the French way (`2143,000`, no grouping).
    const openFrench = invoice!.openAmount.replace('.', ',');
    expect(await dialog.getByTestId('payment-amount').inputValue()).toBe(openFrench);
    expect(await allocated.inputValue()).toBe(openFrench);
    // The pre-filled allocation follows the amount received (typed with a comma) until edited;
    // the receipt saved below proves the comma reaches the API as 100.000.
    await dialog.getByTestId('payment-amount').fill('100,000');
    expect(await allocated.inputValue()).toBe('100,000');
    // Once edited, it no longer follows: more allocated than received is refused, visibly.
    await allocated.fill('200');
    await dialog.getByTestId('payment-record-confirm').click();
    const overAllocated = dialog.getByTestId('payment-issue-overAllocated');
    await overAllocated.waitFor();
    await expect
      .poll(() =>
        overAllocated.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    await expect.poll(() => allocated.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await allocated.getAttribute('aria-invalid')).toBe('true');
    await allocated.fill('100');
    // Cash received beyond what is allocated is said under the total, and asked about on saving.
    await dialog.getByTestId('payment-amount').fill('150');
    await expect.poll(() => textOf(page, 'payment-unallocated')).toContain('50,000');
    await dialog.getByTestId('payment-record-confirm').click();
    const question = page.getByTestId('confirm-lines');
    await question.waitFor();
    expect(await question.innerText()).toContain('ne seront imputés sur aucune facture');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await dialog.getByTestId('payment-amount').fill('100');
    await dialog.getByTestId('payment-bank-reference').fill('VIR E2E 0001');
    await dialog.getByTestId('payment-method').click();
    await page.getByRole('option', { name: 'Chèque' }).click();
    await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
    expect(await textOf(page, 'payment-allocated-total')).toContain(spaces(tnd(millimes(PAID), 'fr')));
    await screenshot(page, 'payments-01-record-dialog-desktop-fr');
    await submitDialog(page, dialog.getByTestId('payment-record-confirm'), 'payment-record');

    // Partially paid, with the right open amount, and the receipt listed with a link.
    await expect
      .poll(() => textOf(page, 'invoice-payment-status'), { timeout: 30_000 })
      .toBe('Partiellement payée');
    expect(await textOf(page, 'invoice-open-amount')).toBe(spaces(tnd(openAfter, 'fr')));
    expect(await textOf(page, 'invoice-paid-amount')).toMatch(FRENCH_TND);
    const receipt = page.getByTestId('invoice-payments').locator('a').last();
    const receiptNumber = (await receipt.innerText()).trim();
    expect(receiptNumber).toMatch(/^R\d{4}-\d{5}$/);
    await screenshot(page, 'payments-02-invoice-partially-paid-desktop-fr');

    // The receipt: its allocation links back to the invoice.
    const receiptPath = await receipt.getAttribute('href');
    expect(receiptPath).toMatch(/^\/payments\/[0-9a-f-]{36}$/);
    await receipt.click();
    await page.getByTestId('payment-number').waitFor();
    expect(await textOf(page, 'payment-status')).toBe('Enregistré');
    await page.getByTestId(`payment-invoice-${number}`).waitFor();
    await screenshot(page, 'payments-03-payment-detail-desktop-fr');

    // Receivables: the client's balance went down by the payment; its ageing as the API computes it.
    const after = await finance<Receivable>('GET', `/api/receivables/${clientId}`);
    expect(millimes(before.balanceTnd) - millimes(after.balanceTnd)).toBe(millimes(PAID));
    await page.getByTestId('nav-receivables').click();
    // The client's current name (the invoice keeps the buyer's name as issued).
    await page.getByTestId('receivables-search').fill(after.clientName);
    const row = page.getByTestId(`receivable-row-${clientId}`);
    await expect
      .poll(() => page.getByTestId('receivables-table').locator('tr[mat-row]').count(), { timeout: 10_000 })
      .toBe(1);
    expect(spaces(await row.getByTestId('receivable-balance').innerText())).toBe(
      spaces(tnd(millimes(after.balanceTnd), 'fr')),
    );
    await page.getByTestId('receivables-ageing-chart').locator('canvas').waitFor();
    await screenshot(page, 'payments-04-receivables-desktop-fr');
    await row.click();
    await page.getByTestId('receivable-client').waitFor();
    expect(await textOf(page, 'receivable-balance')).toBe(spaces(tnd(millimes(after.balanceTnd), 'fr')));
    for (const bucket of [
      'notDueTnd',
      'days0to30Tnd',
      'days31to60Tnd',
      'days61to90Tnd',
      'over90Tnd',
    ] as const) {
      expect(await textOf(page, `receivable-${bucket}`)).toBe(spaces(tnd(millimes(after[bucket]), 'fr')));
    }
    await page.getByTestId(`receivable-invoice-${number}`).waitFor();
    await screenshot(page, 'payments-05-receivable-detail-desktop-fr');

    // "Relevé de compte", then the same in English: the PDF's text carries the invoice and the balance.
    for (const lang of ['fr', 'en'] as const) {
      if (lang === 'en') {
        await useLanguage(page, 'en');
        await expect.poll(() => textOf(page, 'receivable-balance'), { timeout: 10_000 }).toMatch(ENGLISH_TND);
        await screenshot(page, 'payments-06-receivable-detail-desktop-en');
      }
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('receivable-statement').click(),
      ]);
      const text = await pdfText(await download.path());
      expect(text).toContain(lang === 'fr' ? 'Relevé de compte' : 'Statement of account');
      expect(text).toContain(number);
      expect(text.replace(/\D/g, '')).toContain(millimes(after.balanceTnd).toString());
    }

    // English invoice page: partially paid, open amount in English format.
    await page.goto(new URL(`/invoices/${id}`, baseUrl).toString());
    await expect.poll(() => textOf(page, 'invoice-payment-status'), { timeout: 30_000 }).toBe('Partly paid');
    expect(await textOf(page, 'invoice-open-amount')).toBe(tnd(openAfter, 'en'));
    await screenshot(page, 'payments-07-invoice-partially-paid-desktop-en');
    await page.goto(new URL('/payments', baseUrl).toString());
    await page.getByTestId(`payment-row-${receiptNumber}`).waitFor();
    await screenshot(page, 'payments-08-payments-list-desktop-en');
    expect(blocked).toEqual([]);

    // A 390 px phone: the same pages usable in both languages, no sideways scrolling.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    contexts.push(phoneContext);
    const phone = await phoneContext.newPage();
    await logIn(phone, baseUrl, 'finance1', undefined, '/receivables');
    let shot = 9;
    const phoneShot = async (name: string, lang: string) => {
      expect(await scrollsSideways(phone), name).toBe(false);
      await screenshot(phone, `payments-${String(shot++).padStart(2, '0')}-${name}-phone-${lang}`);
    };
    for (const lang of ['fr', 'en'] as const) {
      await phone.goto(new URL(`/invoices/${id}`, baseUrl).toString());
      await useLanguage(phone, lang);
      await phone.getByTestId('invoice-settlement').waitFor();
      await phoneShot('invoice', lang);
      const phoneDialog = await openDialog(phone, phone.getByTestId('invoice-record-payment'));
      const phoneAllocated = phoneDialog.locator('[data-testid^="payment-allocation-amount-"]');
      await phoneAllocated.waitFor();
      // The open amount left, with the language's decimal mark.
      expect(await phoneAllocated.inputValue()).toMatch(lang === 'fr' ? /^\d+,\d{3}$/ : /^\d+\.\d{3}$/);
      await phoneShot('record-dialog', lang);
      await phone.keyboard.press('Escape');
      await phoneDialog.waitFor({ state: 'detached' });
      await phone.goto(new URL('/receivables', baseUrl).toString());
      await phone.getByTestId('receivables-table').waitFor();
      await phone.getByTestId('receivables-ageing-chart').locator('canvas').waitFor();
      await phoneShot('receivables', lang);
      await phone.goto(new URL(`/receivables/${clientId}`, baseUrl).toString());
      await phone.getByTestId('receivable-balance').waitFor();
      expect(await textOf(phone, 'receivable-balance')).toMatch(lang === 'fr' ? FRENCH_TND : ENGLISH_TND);
      const openRow = phone.getByTestId(`receivable-invoice-${number}`);
      await openRow.waitFor();
      expect(await cutSideways(phone, 'receivable-invoices'), 'open invoices').toBe(false);
      // Each open invoice is a card: its number, its open amount on the right.
      expect(await rowAsCard(openRow), 'open invoice card').toEqual({ card: true, amountsRight: true });
      expect(spaces(await openRow.innerText())).toContain(number);
      expect(spaces(await openRow.innerText())).toContain(spaces(tnd(openAfter, lang)));
      await phoneShot('receivable-detail', lang);
      await phone.goto(new URL('/payments', baseUrl).toString());
      await phone.getByTestId(`payment-row-${receiptNumber}`).waitFor();
      await phoneShot('payments', lang);

      // The receipt: each invoice it settles is a card (number, amount allocated on the right).
      await phone.goto(new URL(receiptPath!, baseUrl).toString());
      const invoiceLink = phone.getByTestId(`payment-invoice-${number}`);
      const settled = phone
        .getByTestId('payment-allocations')
        .locator('tbody tr')
        .filter({ has: invoiceLink });
      await settled.waitFor();
      expect(await cutSideways(phone, 'payment-allocations'), 'settled invoices').toBe(false);
      expect(await rowAsCard(settled), 'settled invoice card').toEqual({ card: true, amountsRight: true });
      expect(spaces(await settled.innerText())).toContain(number);
      expect(spaces(await settled.innerText())).toContain(spaces(tnd(millimes(PAID), lang)));
      await phoneShot('payment-detail', lang);
      // The card's link is the next Tab stop after the client's and opens the invoice with Enter.
      await phone.getByTestId('payment-client-link').focus();
      await phone.keyboard.press('Tab');
      expect(await invoiceLink.evaluate((el) => el === document.activeElement)).toBe(true);
      await phone.keyboard.press('Enter');
      await phone.waitForURL(new URL(`/invoices/${id}`, baseUrl).toString());
    }

    // Reversed (through the API), the receipt says who reversed it by name, never by user id.
    const me = await finance<{
      sub: string;
      username: string;
      name: string | null;
      givenName: string | null;
      familyName: string | null;
    }>('GET', '/api/auth/me');
    const myName = me.name ?? ([me.givenName, me.familyName].filter(Boolean).join(' ') || me.username);
    const receipts = await finance<{ items: { id: string; number: string; version: number }[] }>(
      'GET',
      `/api/payments?invoiceId=${id}`,
    );
    const receiptRow = receipts.items.find((r) => r.number === receiptNumber);
    expect(receiptRow, 'the receipt recorded above').toBeDefined();
    await finance('POST', `/api/payments/${receiptRow!.id}/reverse`, {
      version: receiptRow!.version,
      reason: 'Saisie en double',
    });
    await page.goto(new URL(`/payments/${receiptRow!.id}`, baseUrl).toString());
    await expect.poll(() => textOf(page, 'payment-reversal'), { timeout: 10_000 }).toContain(myName);
    expect(await textOf(page, 'payment-reversal')).not.toContain(me.sub);
    // Desktop and phone, two languages, two PDFs: longer than one page's default budget.
  }, 240_000);
});
