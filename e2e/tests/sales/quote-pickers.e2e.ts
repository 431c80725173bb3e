import { readFile } from 'node:fs/promises';
import { extractText } from 'unpdf';
import { describe, expect, inject, it } from 'vitest';
import { browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, submitDialog } from '../../src/dialogs.js';
import { pick, pickWithKeyboard } from '../../src/pickers.js';
import { logIn, logOut } from '../../src/session.js';

/** `YYYY-MM-DD` of `days` days ago, in the browser's (and the test runner's) time zone. */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

describe('a quote built from the reference lists (issue 9: pickers)', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();
  const stamp = Date.now().toString(36);
  const clientName = `Conserveries du Cap Bon ${stamp}`;

  it('picks places, carrier, equipment and charge types; proposes the EUR rate; the PDF names them', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });

    // An EUR rate two days old: the latest on or before today, so the one proposed.
    await logIn(page, baseUrl, 'admin', undefined, '/reference/exchange-rates');
    const rateDialog = await openDialog(page, page.getByTestId('reference-create'));
    await pick(page, rateDialog.getByTestId('reference-field-currency'), 'EUR', '(EUR)');
    await rateDialog.getByTestId('reference-field-date').fill(daysAgo(2));
    await rateDialog.getByTestId('reference-field-rate').fill('3.4125');
    await submitDialog(page, rateDialog.getByTestId('reference-form-submit'), 'eur-rate');
    await logOut(page);

    await logIn(page, baseUrl, 'commercial1', undefined, '/clients');
    await openDialog(page, page.getByTestId('client-create'));
    await page.getByTestId('client-name').fill(clientName);
    await page.getByTestId('client-form-submit').click();
    await page.getByTestId('client-detail').waitFor();
    const clientId = page.url().split('/').pop()?.split('?')[0] ?? '';
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);

    await page.goto(`${baseUrl}/quotes/new?clientId=${clientId}`);
    await page.getByTestId('quote-title').fill('Conserves Radès → Fos, 2 × 45G1');
    // Typed then Enter at once: the list of the earlier (empty) search is gone, so nothing of it is
    // picked (an Enter right after "Lyon" picked the first client of the whole list).
    const origin = page.getByTestId('quote-origin-code');
    await origin.focus();
    await page.locator('[data-testid="quote-origin-code-option"]').first().waitFor();
    await origin.fill('rades');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await origin.inputValue()).toBe('rades');
    // Places by a word of the name (accents ignored) or by code; shown as "Name (CODE)".
    expect(await pick(page, page.getByTestId('quote-origin-code'), 'rades', '(TNRDS)')).toContain('Radès');
    expect(
      await pickWithKeyboard(page, page.getByTestId('quote-destination-code'), 'FRFOS', '(FRFOS)'),
    ).toMatch(/\(FRFOS\)$/);
    // Sea FCL: the carrier is a shipping line.
    expect(await pick(page, page.getByTestId('quote-carrier'), 'CMA', 'CMA CGM')).toMatch(
      /^CMA CGM \(ARM-\d{3}\)$/,
    );
    await page.getByTestId('quote-container-add').click();
    await pick(page, page.getByTestId('quote-container-type-0'), '45G1', '(45G1)');
    await page.locator('[data-testid="quote-container-0"] input[type="number"]').fill('2');

    // Line 1: ocean freight from the charge types, priced in EUR: the rate of the day is proposed.
    await page.getByTestId('quote-line-add').click();
    const freight = page.locator('[data-testid="quote-line-0"]');
    await pick(page, freight.getByTestId('line-charge-type'), 'OFR', '(OFR)');
    await expect.poll(() => freight.getByTestId('line-description').inputValue()).toBe('Fret maritime');
    await freight.getByTestId('line-quantity').fill('2');
    await freight.getByTestId('line-buy').fill('900');
    await freight.getByTestId('line-sell').fill('1100');
    await freight.getByTestId('line-currency').click();
    await page.locator('mat-option', { hasText: /^\s*EUR\s*$/ }).click();
    await expect
      .poll(() => freight.getByTestId('line-rate').inputValue(), { timeout: 10_000 })
      .toBe('3,4125');
    // The rate's day with its month in words, as the browser writes it in French ("1 déc.").
    const day = new Date(`${daysAgo(2)}T00:00:00`).toLocaleDateString('fr', {
      day: 'numeric',
      month: 'short',
    });
    const hint = () => freight.getByTestId('line-rate-hint').textContent();
    await expect(hint()).resolves.toBe(`Cours du ${day}`);
    // A typed rate is not passed off as the official one; the proposed one, typed back, is again.
    await freight.getByTestId('line-rate').fill('3,4');
    await expect.poll(hint).toBe(`Taux saisi (cours du ${day} : 3,4125)`);
    await freight.getByTestId('line-rate').fill('3,4125');
    await expect.poll(hint).toBe(`Cours du ${day}`);

    // Line 2: THC fills description, unit (per container) and VAT 19 %, all still editable.
    await page.getByTestId('quote-line-add').click();
    const thc = page.locator('[data-testid="quote-line-1"]');
    await pick(page, thc.getByTestId('line-charge-type'), 'THC', '(THC)');
    await expect
      .poll(() => thc.getByTestId('line-description').inputValue())
      .toBe('Manutention terminal (THC)');
    await expect(thc.getByTestId('line-unit').textContent()).resolves.toContain('conteneur');
    // "19 %" in French, with Intl's narrow no-break space.
    await expect(thc.getByTestId('line-vat').textContent()).resolves.toMatch(/19\s%/);
    await thc.getByTestId('line-description').fill('THC départ Radès');
    await thc.getByTestId('line-quantity').fill('2');
    await thc.getByTestId('line-buy').fill('280');
    await thc.getByTestId('line-sell').fill('350');
    await screenshot(page, '80-quote-pickers-editor');

    await page.getByTestId('quote-save').click();
    await page.waitForURL(/\/quotes\/[0-9a-f-]{36}$/);
    const quoteUrl = page.url();
    await expect(page.getByTestId('quote-origin').textContent()).resolves.toContain('Radès (TNRDS)');
    await expect(page.getByTestId('quote-destination').textContent()).resolves.toContain('(FRFOS)');
    await expect(page.getByTestId('quote-carrier-name').textContent()).resolves.toContain('CMA CGM');
    await screenshot(page, '81-quote-pickers-detail');

    // The PDF names places and carrier, not bare codes.
    await page.getByTestId('quote-pdf-preview').click();
    await page.getByTestId('quote-pdf-download').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('quote-pdf-download').click(),
    ]);
    const pdf = await readFile(await download.path());
    const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
    const flat = text.replace(/[\s\u00a0\u202f]+/g, ' ');
    for (const expected of [
      'Radès (TNRDS)',
      '(FRFOS)',
      'CMA CGM',
      '2 × 45G1',
      'Fret maritime',
      '1 EUR = 3,4125 TND',
      'THC départ Radès',
      // The title's arrow prints as typed (Roboto has none; it once printed as "»").
      'Conserves Radès → Fos, 2 × 45G1',
    ]) {
      expect(flat, expected).toContain(expected);
    }

    // Editing again shows the choices by name (the codes are looked up again).
    await page.goto(`${quoteUrl}/edit`);
    await expect
      .poll(() => page.getByTestId('quote-origin-code').inputValue(), { timeout: 10_000 })
      .toContain('Radès (TNRDS)');
    await expect.poll(() => page.getByTestId('quote-carrier').inputValue()).toContain('CMA CGM');
    await expect
      .poll(() => page.locator('[data-testid="quote-line-1"] [data-testid="line-charge-type"]').inputValue())
      .toContain('(THC)');
    await page.close();
  });
});
