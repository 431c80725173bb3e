import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { cspViolations, browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, submitDialog } from '../../src/dialogs.js';
import { apiAs } from '../../src/api-client.js';
import { logIn } from '../../src/session.js';
import { scrollsSideways, useLanguage } from '../../src/ui.js';

/** The local day `days` from today (the browser runs on this machine, in its time zone): ISO, typed, read aloud. */
function inDays(days: number): { iso: string; fr: string; spoken: string } {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  const [y, m, d] = [date.getFullYear(), pad(date.getMonth() + 1), pad(date.getDate())];
  const spoken = new Intl.DateTimeFormat('fr', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    date,
  );
  return { iso: `${y}-${m}-${d}`, fr: `${d}/${m}/${y}`, spoken };
}

/**
 * Opens the calendar of the date field `testId` from the keyboard; resolves once it has the focus and
 * its opening animation is over. Material's datepicker ignores a close (the Enter that picks a day,
 * an Escape) while that animation runs: the day is chosen but the calendar stays open, as it would
 * for a user that fast.
 */
async function openCalendar(page: Page, testId: string): Promise<void> {
  await page.getByTestId(`${testId}-calendar`).locator('button').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const content = document.querySelector('.mat-datepicker-content');
    return (
      !!document.activeElement?.closest('mat-calendar') &&
      !!content &&
      !content.classList.contains('mat-datepicker-content-animating') &&
      content.getAnimations().every((animation) => animation.playState === 'finished')
    );
  });
}

/** The error shown under the date field `testId`, once it lost the focus. */
async function dateError(page: Page, testId: string): Promise<string> {
  const field = page.locator('mat-form-field').filter({ has: page.getByTestId(testId) });
  await page.getByTestId(testId).press('Tab');
  await field.locator('.mat-mdc-form-field-error').waitFor();
  return field.locator('.mat-mdc-form-field-error').innerText();
}

describe("clients' fiscal and finance data (issue 9)", () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();
  const stamp = Date.now().toString(36);
  const clientName = `Huilerie du Cap Bon ${stamp}`;
  // A well-formed matricule fiscal unique to this run, typed in lower case without slashes.
  const taxDigits = String((Date.now() + 4_321) % 10_000_000).padStart(7, '0');
  let clientId = '';

  it('admin fills the fiscal data; a malformed matricule is refused on its field', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const blocked = cspViolations(page);
    await logIn(page, baseUrl, 'admin', undefined, '/clients');
    const dialog = await openDialog(page, page.getByTestId('client-create'));
    await dialog.getByTestId('client-name').fill(clientName);
    await dialog.getByTestId('client-fiscal-id').fill('1234567/A/M/000');
    await dialog.getByTestId('client-form-submit').click();
    const fiscalField = dialog
      .locator('mat-form-field')
      .filter({ has: page.getByTestId('client-fiscal-id') });
    await fiscalField.locator('.mat-mdc-form-field-error').waitFor();
    expect(await fiscalField.locator('.mat-mdc-form-field-error').innerText()).toMatch(/matricule/i); // the SPA's wording of the API's 400 on fiscalId;

    await dialog.getByTestId('client-fiscal-id').fill(`${taxDigits}b a m 000`);
    await dialog.getByTestId('client-legal-name').fill(`${clientName} SARL`);
    await dialog.getByTestId('client-vat-regime').click();
    await page.getByRole('option', { name: /suspen/i }).click();
    await dialog.getByTestId('client-vat-number').fill(`AUT-${stamp}`);
    // Dates in the app's language (issue 7): French digits understood, impossible dates refused as
    // typed (never turned into another day), the calendar driven from the keyboard.
    const issued = dialog.getByTestId('client-vat-issued');
    for (const wrong of ['31/02/2026', 'abc', '2026-13-01']) {
      await issued.fill(wrong);
      expect(await dateError(page, 'client-vat-issued')).toMatch(/date invalide.*jj\/mm\/aaaa/i);
      expect(await issued.inputValue()).toBe(wrong);
      expect(await issued.getAttribute('aria-invalid')).toBe('true');
    }
    await issued.fill(inDays(-355).fr);
    await issued.press('Tab');
    expect(await issued.getAttribute('aria-invalid')).toBe('false');
    await openCalendar(page, 'client-vat-expires');
    for (let day = 0; day < 10; day++) await page.keyboard.press('ArrowRight');
    // The calendar moves the focus to the day after it re-rendered: press Enter once it is there.
    await page.waitForFunction(
      (label) => document.activeElement?.getAttribute('aria-label') === label,
      inDays(10).spoken,
    );
    await page.keyboard.press('Enter');
    await page.locator('mat-calendar').waitFor({ state: 'detached' });
    expect(await dialog.getByTestId('client-vat-expires').inputValue()).toBe(inDays(10).fr);
    await dialog.getByTestId('client-bank-account').fill('TN59 0810 3000 0512 3456 7825');
    await dialog.getByTestId('client-swift').fill('biattntt');
    await dialog.getByTestId('client-address-add').click();
    await dialog.getByTestId('client-address-street-0').fill('Port de Radès, quai 7');
    await screenshot(page, '95-client-fiscal-form');
    await submitDialog(page, dialog.getByTestId('client-form-submit'), 'client fiscal');

    await page.getByTestId('client-fiscal').waitFor();
    clientId = page.url().split('/').pop()?.split('?')[0] ?? '';
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.getByTestId('client-fiscal-id-value').innerText()).toBe(`${taxDigits}B/A/M/000`);
    expect(await page.getByTestId('client-vat-regime-value').innerText()).toContain(`AUT-${stamp}`);
    expect(await page.getByTestId('client-bank-account-value').innerText()).toBe('TN5908103000051234567825');
    expect(await page.getByTestId('client-fiscal').innerText()).toContain('Port de Radès, quai 7');
    const saved = await (
      await apiAs(baseUrl, 'admin')
    )<Record<string, unknown>>('GET', `/api/clients/${clientId}`);
    expect([saved['vatSuspensionIssuedOn'], saved['vatSuspensionExpiresOn']]).toEqual([
      inDays(-355).iso,
      inDays(10).iso,
    ]);
    await screenshot(page, '96-client-fiscal-card');
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('finance1 sees the suspension in the expiring card on a 390 px phone; a commercial does not', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, baseUrl, 'finance1', undefined, '/clients');
    const card = page.getByTestId('vat-suspensions-expiring');
    await card.getByTestId(`vat-expiring-${clientId}`).waitFor();
    const row = await card.getByTestId(`vat-expiring-${clientId}`).innerText();
    expect(row).toContain(clientName);
    expect(row).toContain(`AUT-${stamp}`);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, '97-finance-vat-suspensions-phone');

    // A list's date filter: a French date applies, an impossible one is refused and keeps the filter;
    // in English the same field shows and reads month first.
    // On a phone the filters fold behind the toolbar's "Filtres" button (the rows come first).
    await page.goto(new URL('/invoices', baseUrl).toString());
    const from = page.getByTestId('invoices-filter-from');
    const toggle = page.getByTestId('list-filters-toggle');
    await toggle.waitFor();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await from.isVisible()).toBe(false);
    await toggle.click();
    await from.fill('15/12/2026');
    await page.waitForURL(/from=2026-12-15/);
    await from.fill('31/02/2026');
    expect(await dateError(page, 'invoices-filter-from')).toMatch(/date invalide/i);
    expect(page.url()).toMatch(/from=2026-12-15/);
    await from.fill('15/12/2026');
    await from.press('Tab');
    // English is British English: the same day first, a US month-first date refused.
    await useLanguage(page, 'en');
    await expect.poll(() => from.inputValue()).toBe('15/12/2026');
    await from.fill('12/15/2026');
    expect(await dateError(page, 'invoices-filter-from')).toMatch(/invalid date.*dd\/mm\/yyyy/i);
    await from.fill('31/12/2026');
    await page.waitForURL(/from=2026-12-31/);
    await useLanguage(page, 'fr');
    await page.close();

    const commercial = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(commercial, baseUrl, 'commercial1', undefined, '/clients');
    await commercial.getByTestId('clients-table').waitFor();
    expect(await commercial.getByTestId('vat-suspensions-expiring').count()).toBe(0);
    // The sectioned form fits the phone: one column, no sideways scrolling inside the dialog.
    const dialog = await openDialog(commercial, commercial.getByTestId('client-create'));
    await dialog.getByTestId('client-vat-regime').click();
    await commercial.getByRole('option', { name: /suspen/i }).click();
    await dialog.getByTestId('client-address-add').click();
    const content = dialog.locator('mat-dialog-content');
    expect(await content.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    expect(await scrollsSideways(commercial)).toBe(false);
    // The calendar opens from the keyboard and fits the phone.
    await openCalendar(commercial, 'client-vat-expires');
    const calendar = commercial.locator('mat-calendar');
    const box = await calendar.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await screenshot(commercial, '98b-date-calendar-phone');
    // Escape from the calendar's active day closes it, and only it.
    await commercial.locator('mat-calendar .mat-calendar-body-active').focus();
    await commercial.keyboard.press('Escape');
    await calendar.waitFor({ state: 'detached' });
    expect(await dialog.isVisible()).toBe(true);
    // Credit limit and blocking are ADMIN's: not offered to a commercial.
    expect(await dialog.getByTestId('client-blocked').count()).toBe(0);
    await screenshot(commercial, '98-client-form-phone');
    await commercial.close();
  });
});
