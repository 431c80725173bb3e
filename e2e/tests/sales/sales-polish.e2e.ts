import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, submitDialog } from '../../src/dialogs.js';
import { pick } from '../../src/pickers.js';
import { logIn } from '../../src/session.js';
import { digits, scrollsSideways } from '../../src/ui.js';

const topBarHeight = async (page: Page) => (await page.getByTestId('top-bar').boundingBox())?.height ?? 0;

describe('a commercial’s day without traps (issue 7)', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();
  const stamp = Date.now().toString(36);
  const clientName = `Céramiques du Sahel ${stamp} SARL`;
  // A well-formed matricule fiscal (docs/rules.md) unique to this run.
  const taxDigits = String(Date.now() % 10_000_000).padStart(7, '0');
  let quoteId = '';
  let clientId = '';

  it('at 1440 px: duplicates, search in the URL, linked records, French decimals, guards and confirmations', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, baseUrl, 'commercial1', undefined, '/clients');

    // 4. A client with a tax id; a second one with the same id (typed differently) is flagged.
    await openDialog(page, page.getByTestId('client-create'));
    await page.getByTestId('client-name').fill(clientName);
    await page.getByTestId('client-fiscal-id').fill(`${taxDigits}A/A/M/000`);
    await page.getByTestId('client-form-submit').click();
    await page.getByTestId('client-detail').waitFor();
    clientId = page.url().split('/').pop()?.split('?')[0] ?? '';
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);

    await page.goto(`${baseUrl}/clients`);
    await openDialog(page, page.getByTestId('client-create'));
    await page.getByTestId('client-name').fill(`CERAMIQUES DU SAHEL ${stamp}`);
    await page.getByTestId('client-fiscal-id').fill(`${taxDigits}a a m 000`);
    const warning = page.getByTestId('client-duplicates');
    await warning.waitFor();
    expect(await warning.locator('a').first().getAttribute('href')).toBe(`/clients/${clientId}`);
    expect(await warning.textContent()).toContain(clientName);
    await screenshot(page, '70-client-duplicate-warning');
    // 3. Escape with typed changes asks before throwing them away.
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm').click();
    await expect.poll(() => page.locator('mat-dialog-container').count()).toBe(0);

    // 11. Accents, case and word order ignored; the search lives in the URL (reload keeps it).
    await page.getByTestId('clients-search').fill(`sahel CERAMIQUES ${stamp}`);
    await page.getByTestId(`client-row-${clientId}`).waitFor();
    await expect.poll(() => page.url()).toContain('q=');
    await page.reload();
    await page.getByTestId(`client-row-${clientId}`).waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('clients-search').inputValue()).toBe(`sahel CERAMIQUES ${stamp}`);
    await screenshot(page, '71-client-search-in-url');

    // 1. The client page has a Quotes card whose "Nouvelle cotation" opens a prefilled editor.
    await page.getByTestId(`client-row-${clientId}`).locator('a').first().click();
    await page.getByTestId('client-quotes').waitFor();
    await page.getByTestId('record-new-quote').click();
    await page.getByTestId('quote-title').waitFor();
    await expect
      .poll(() => page.getByTestId('quote-client').inputValue(), { timeout: 10_000 })
      .toBe(clientName);
    await page.getByTestId('quote-title').fill('Carreaux émaillés Sousse → Gênes');
    await pick(page, page.getByTestId('quote-origin-code'), 'TNSUS', '(TNSUS)');

    // 7. Saving without lines says what to do; the summary names fields by label. A leg without
    // a place or an address is flagged before sending, in French.
    await page.getByTestId('quote-save').click();
    await page.getByTestId('quote-no-lines').waitFor();
    // Said once, under the place's field, in words (a raw "validation.routePoint" showed above it).
    const destinationError = page
      .locator('mat-form-field', { has: page.getByTestId('quote-destination-code') })
      .locator('.mat-mdc-form-field-error');
    await expect
      .poll(() => destinationError.allTextContents())
      .toEqual([expect.stringMatching(/^\s*Indiquez un port\/aéroport ou une adresse\s*$/)]);
    await expect.poll(() => page.getByTestId('quote-invalid').textContent()).toMatch(/destination/);
    await pick(page, page.getByTestId('quote-destination-code'), 'ITGOA', '(ITGOA)');
    await expect.poll(() => page.getByTestId('quote-invalid').count()).toBe(0);

    // 2. French decimals: comma and spaces accepted, a negative says "positif".
    await page.getByTestId('quote-weight').fill('42 000');
    await page.getByTestId('quote-volume').fill('-5');
    await page.getByTestId('quote-title').click();
    await expect
      .poll(() => page.locator('mat-error, .field-error').allTextContents())
      .toContainEqual(expect.stringMatching(/positif/i));
    await page.getByTestId('quote-volume').fill('120');
    await page.getByTestId('quote-line-add').click();
    const line = page.locator('[data-testid="quote-line-0"]');
    await line.locator('[data-testid="line-description"]').fill('Fret maritime Sousse → Gênes');
    await line.locator('[data-testid="line-quantity"]').fill('1,5');
    await line.locator('[data-testid="line-buy"]').fill('1 200,5');
    await line.locator('[data-testid="line-sell"]').fill('abc');
    await page.getByTestId('quote-save').click();
    const summary = page.getByTestId('quote-invalid');
    await summary.waitFor();
    const summaryText = (await summary.textContent()) ?? '';
    expect(summaryText).toMatch(/Ligne 1/);
    expect(summaryText).not.toMatch(/items\.|\(\)/);
    // Focus went to the first field in error.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('line-sell');
    await screenshot(page, '72-quote-editor-errors');
    await line.locator('[data-testid="line-sell"]').fill('1 450,75');
    // The notes of the failed saves leave once their condition holds (a line, valid fields).
    await expect.poll(() => page.getByTestId('quote-no-lines').count()).toBe(0);
    await expect.poll(() => page.getByTestId('quote-invalid').count()).toBe(0);
    // 1.5 × 1 450.75 = 2 176.125 TND
    await expect
      .poll(async () => digits(await page.getByTestId('quote-totals-sell').textContent()), {
        timeout: 10_000,
      })
      .toBe('2176125');

    // 3. Leaving the editor with unsaved changes asks first; staying keeps everything.
    await page.getByTestId('nav-clients').click();
    await page.locator('mat-dialog-container').waitFor();
    await screenshot(page, '73-unsaved-changes-guard');
    await page.locator('mat-dialog-container button', { hasText: /Annuler/ }).click();
    await expect.poll(() => page.locator('mat-dialog-container').count()).toBe(0);
    expect(page.url()).toContain('/quotes/new');
    expect(await line.locator('[data-testid="line-sell"]').inputValue()).toBe('1 450,75');

    await page.getByTestId('quote-save').click();
    await page
      .getByTestId('quote-number')
      .waitFor({ timeout: 20_000 })
      .catch(async (error: unknown) => {
        await screenshot(page, '79-quote-save-failed');
        console.error(
          'quote errors:',
          await page
            .locator('[data-testid="quote-errors"], mat-error, .field-error, mat-snack-bar-container')
            .allTextContents(),
        );
        throw error;
      });
    quoteId = page.url().split('/').pop() ?? '';

    // 1. The quote names its client (a link by name) and its owner; 2. no pointless decimals.
    const parties = page.getByTestId('quote-parties');
    expect(await parties.getByTestId('customer-link').textContent()).toContain(clientName);
    expect(await parties.getByTestId('customer-link').getAttribute('href')).toBe(`/clients/${clientId}`);
    await expect
      .poll(() => page.getByTestId('quote-owner').textContent(), { timeout: 10_000 })
      .toContain('Amira');
    expect(await page.locator('app-quote-summary').textContent()).toMatch(/42\s000 kg/);
    await screenshot(page, '74-quote-detail-named');

    // 1. The quote list names the customer and the owner.
    await page.goto(`${baseUrl}/quotes?q=${stamp}`);
    const row = page.locator('tr', { hasText: 'Carreaux émaillés' });
    await row.waitFor();
    expect(await row.getByTestId('customer-link').textContent()).toContain(clientName);
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('Amira');
    await screenshot(page, '75-quote-list-named');

    // 3. Réviser asks first and explains the sent quote will be superseded.
    await page.goto(`${baseUrl}/quotes/${quoteId}`);
    await openDialog(page, page.getByTestId('quote-send'));
    await page.getByTestId('quote-send-recipients').fill(`achats.${stamp}@ceramiques-sahel.example`);
    await page.getByTestId('quote-send-confirm').click();
    await expect
      .poll(() => page.getByTestId('quote-status').textContent(), { timeout: 20_000 })
      .toMatch(/envoy/i);
    await page.getByTestId('quote-revise').click();
    const revise = page.locator('mat-dialog-container');
    await revise.waitFor();
    expect(await revise.textContent()).toMatch(/remplacée/);
    await screenshot(page, '76-revise-confirmation');
    await revise.locator('button', { hasText: /Annuler/ }).click();
    await expect.poll(() => page.locator('mat-dialog-container').count()).toBe(0);
    expect(page.url()).toContain(`/quotes/${quoteId}`);

    // 1. Kanban cards name their customer.
    await page.goto(`${baseUrl}/opportunities`);
    await expect
      .poll(() => page.getByTestId('kanban-customer').first().textContent(), { timeout: 15_000 })
      .toMatch(/\S/);
    await screenshot(page, '77-kanban-named');

    // 3. Terminer asks for an outcome and can be undone from the snack bar.
    await page.goto(`${baseUrl}/activities`);
    const complete = page.getByTestId('activity-complete').first();
    await openDialog(page, complete);
    await page.getByTestId('activity-outcome').fill('Client intéressé, rappeler lundi');
    await screenshot(page, '78-activity-complete-outcome');
    await page.getByTestId('activity-complete-confirm').click();
    const snack = page.locator('mat-snack-bar-container');
    await snack.waitFor();
    await snack.locator('button').click();
    await expect
      .poll(() => page.locator('mat-snack-bar-container').textContent(), { timeout: 10_000 })
      .toMatch(/rouverte/);

    // Dates in the app's language (issue 7): in English (British, as the documents) an activity's
    // due date is day/month/year, its time 24-hour; an unreadable time is refused under the field.
    await page.goto(`${baseUrl}/clients/${clientId}`);
    await page.getByTestId('client-detail').waitFor();
    await page.getByTestId('lang-switch').locator('[lang="en"] button').click();
    const activity = await openDialog(page, page.getByTestId('activity-create'));
    const subject = `Cut-off call ${stamp}`;
    await activity.getByTestId('activity-subject').fill(subject);
    await activity.getByTestId('activity-dueAt').fill('15/12/2026');
    await activity.getByTestId('activity-dueAt-time').fill('9h75');
    await activity.getByTestId('activity-dueAt-time').press('Tab');
    const dueErrors = activity
      .locator('app-date-time-field')
      .filter({ has: page.getByTestId('activity-dueAt') })
      .locator('.mat-mdc-form-field-error');
    await expect.poll(() => dueErrors.allTextContents()).toEqual([expect.stringContaining('Invalid time')]);
    expect(await activity.getByTestId('activity-dueAt-time').inputValue()).toBe('9h75');
    await activity.getByTestId('activity-dueAt-time').fill('9:30');
    await activity.getByTestId('activity-dueAt-time').press('Tab');
    expect(await activity.getByTestId('activity-dueAt-time').inputValue()).toBe('09:30');
    await expect
      .poll(() => activity.getByTestId('activity-dueAt-time').getAttribute('aria-invalid'))
      .toBe('false');
    expect(await dueErrors.count()).toBe(0);
    await screenshot(page, '79-activity-due-english');
    await submitDialog(page, activity.locator('button[type="submit"]'), 'activity');
    await page.goto(`${baseUrl}/activities?q=${stamp}`);
    const created = page.locator('tr', { hasText: subject });
    await created.waitFor({ timeout: 15_000 });
    expect(await created.textContent()).toMatch(/15 Dec 2026.*09:30/);
    await context.close();
  });

  it('at 390 px: lists, quote page and editor fit the phone, the top bar keeps its height', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await logIn(page, baseUrl, 'commercial1', undefined, '/quotes');
    const heights: number[] = [];
    const pages: [string, string, string][] = [
      ['/quotes', 'quotes-search', '80-phone-quote-list'],
      ['/clients', 'clients-search', '81-phone-client-list'],
      [`/quotes/${quoteId}`, 'quote-number', '82-phone-quote-detail'],
      [`/quotes/new?clientId=${clientId}`, 'quote-title', '83-phone-quote-editor'],
      [`/clients/${clientId}`, 'client-detail', '84-phone-client-detail'],
    ];
    for (const [path, ready, shot] of pages) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByTestId(ready).first().waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      heights.push(await topBarHeight(page));
      await screenshot(page, shot);
      expect(await scrollsSideways(page), path).toBe(false);
    }
    expect(new Set(heights).size, `top bar heights ${heights.join(', ')}`).toBe(1);
    await context.close();
  });
});
