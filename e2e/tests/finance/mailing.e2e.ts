import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { apiAs } from '../../src/api-client.js';
import { cspViolations, browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, submitDialog } from '../../src/dialogs.js';
import { receivedMail } from '../../src/mailbox.js';
import { logIn } from '../../src/session.js';
import { cutSideways, useLanguage } from '../../src/ui.js';

interface Receivable {
  clientId: string;
  clientName: string;
}
interface InvoiceRow {
  id: string;
  number: string;
}

/** The mail to `address` once the SMTP server has it. */
async function mailTo(dir: string, address: string) {
  await expect
    .poll(async () => (await receivedMail(dir)).some((m) => JSON.stringify(m.to).includes(address)), {
      timeout: 20_000,
    })
    .toBe(true);
  return (await receivedMail(dir)).find((m) => JSON.stringify(m.to).includes(address))!;
}

/** Types `value` in the dialog's field `testId`, leaves it, and returns the error line under it. */
async function fieldError(page: Page, testId: string, value: string): Promise<string> {
  await page.getByTestId(testId).fill(value);
  await page.getByTestId(testId).press('Tab');
  await page.getByTestId(`${testId}-error`).waitFor();
  return (await page.getByTestId(`${testId}-error`).innerText()).trim();
}

describe('finance e-mails an invoice and a payment reminder from the browser', () => {
  const baseUrl = inject('baseUrl');
  const mailboxDir = inject('mailboxDir');
  const browser = browserForSuite();
  const contexts: BrowserContext[] = [];
  const stamp = Date.now().toString(36);

  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  it('finance1: a wrong address is refused on its field, a right one gets the mail (FR, then EN on a phone)', async () => {
    // The demo's receivables include overdue invoices (apps/api/src/payments/demo/payments.demo.ts).
    const finance = await apiAs(baseUrl, 'finance1');
    const overdue = await finance<{ items: Receivable[] }>(
      'GET',
      '/api/receivables?overdueOnly=true&pageSize=5',
    );
    const client = overdue.items[0];
    expect(client, 'a demo client with overdue invoices').toBeDefined();
    const issued = await finance<{ items: InvoiceRow[] }>(
      'GET',
      `/api/invoices?status=issued&clientId=${client!.clientId}&paymentStatus=overdue&pageSize=5`,
    );
    const invoice = issued.items[0];
    expect(invoice, 'an overdue demo invoice of that client').toBeDefined();
    // Both dialogs start with the client's address: its own e-mail, else its primary contact's.
    const clientRecord = await finance<{ email: string | null }>('GET', `/api/clients/${client!.clientId}`);
    const primary = await finance<{ items: { emails: string[] }[] }>(
      'GET',
      `/api/clients/${client!.clientId}/contacts?isPrimary=true&pageSize=1`,
    );
    const clientAddress = clientRecord.email ?? primary.items[0]?.emails[0] ?? '';
    expect(clientAddress, 'a demo client with an e-mail address').toMatch(/@/);

    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    contexts.push(context);
    const page = await context.newPage();
    const blocked = cspViolations(page);
    await logIn(page, baseUrl, 'finance1', undefined, '/invoices');
    await useLanguage(page, 'fr');

    // The list filters on what the chip says: "En retard" keeps only overdue invoices, theirs included.
    // A user clicks the field (its label covers the select until something is chosen).
    await page
      .locator('mat-form-field')
      .filter({ has: page.getByTestId('invoices-filter-payment') })
      .click();
    await page.getByRole('option', { name: 'En retard' }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/paymentStatus=overdue/);
    const chips = page.getByTestId('invoice-row-status');
    await chips.first().waitFor();
    expect(new Set(await chips.allInnerTexts())).toEqual(new Set(['En retard']));

    // The invoice by e-mail: an empty or malformed list is refused in French, on the field.
    await page.goto(new URL(`/invoices/${invoice!.id}`, baseUrl).toString());
    await page.getByTestId('invoice-number').waitFor();
    await openDialog(page, page.getByTestId('invoice-send'));
    expect(await page.getByTestId('invoice-send-recipients').inputValue()).toBe(clientAddress);
    expect(await fieldError(page, 'invoice-send-recipients', 'compta@, pas-une-adresse')).toBe(
      'Une à 10 adresses e-mail valides.',
    );
    const invoiceTo = `compta.${stamp}@exemple.tn`;
    await page.getByTestId('invoice-send-recipients').fill(invoiceTo);
    await page.getByTestId('invoice-send-message').fill(`Facture ci-jointe (${stamp}).`);
    await submitDialog(page, page.getByTestId('invoice-send-confirm'), 'invoice-send');
    const invoiceMail = await mailTo(mailboxDir, invoiceTo);
    expect(invoiceMail.subject).toContain(invoice!.number);
    expect(invoiceMail.text).toContain(stamp);
    // Sent after its due date: the mail (in the client's language) says since when it is overdue.
    expect(invoiceMail.text).toMatch(
      /(échue depuis le \d{2}\/\d{2}\/\d{4}|overdue since \d{1,2} \w{3} \d{4})\./,
    );
    expect(invoiceMail.text).not.toMatch(/à régler avant|due on/);
    expect(invoiceMail.attachments.map((a) => a.contentType)).toContain('application/pdf');
    // The banner is in words, no transport code: the e2e API sends by SMTP, so no outbox notice.
    const invoiceSent = await page.getByTestId('invoice-sent').innerText();
    expect(invoiceSent.trim()).toBe(`Envoyée à ${invoiceTo}.`);
    expect(await page.getByTestId('invoice-outbox').count()).toBe(0);

    // The reminder: the same field rules, in the receivables' words.
    await page.goto(new URL(`/receivables/${client!.clientId}`, baseUrl).toString());
    await page.getByTestId('receivable-client').waitFor();
    await openDialog(page, page.getByTestId('receivable-remind'));
    expect(await page.getByTestId('reminder-recipients').inputValue()).toBe(clientAddress);
    expect(await fieldError(page, 'reminder-recipients', 'pas-une-adresse')).toBe(
      'Une à 10 adresses e-mail valides.',
    );
    const reminderTo = `relance.${stamp}@exemple.tn`;
    await page.getByTestId('reminder-recipients').fill(reminderTo);
    await screenshot(page, 'finance-reminder-dialog-fr');
    await submitDialog(page, page.getByTestId('reminder-confirm'), 'reminder');
    const reminderSent = await page.getByTestId('receivable-reminder-sent').innerText();
    expect(reminderSent).not.toContain('(smtp)');
    // One overdue invoice reads "1 facture échue", more "N factures échues".
    const reminded = /Relance envoyée à \S+ : (\d+) (facture échue|factures échues),/.exec(reminderSent);
    expect(reminded, reminderSent).not.toBeNull();
    expect(reminded![2]).toBe(Number(reminded![1]) < 2 ? 'facture échue' : 'factures échues');
    expect(await page.getByTestId('receivable-outbox').count()).toBe(0);
    const reminder = await mailTo(mailboxDir, reminderTo);
    expect(reminder.subject).toContain('Relance');
    expect(blocked).toEqual([]);

    // On a phone, in English: the dialog fits and words its refusal in English.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    contexts.push(phoneContext);
    const phone = await phoneContext.newPage();
    await logIn(phone, baseUrl, 'finance1', undefined, `/receivables/${client!.clientId}`);
    await useLanguage(phone, 'en');
    await phone.getByTestId('receivable-client').waitFor();
    await openDialog(phone, phone.getByTestId('receivable-remind'));
    expect(await fieldError(phone, 'reminder-recipients', 'not-an-address')).toMatch(/valid e-mail/i);
    expect(await cutSideways(phone, 'reminder-recipients')).toBe(false);
    await screenshot(phone, 'finance-reminder-dialog-phone-en');
  }, 120_000);
});
