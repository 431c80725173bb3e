// How a job file comes to be, through the screens: a commercial's sea quote, sent by e-mail and
// accepted by the customer on its public link (the job opens in the acceptance's transaction).
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openDialog } from './dialogs.js';
import { pick } from './pickers.js';
import { logIn } from './session.js';

/**
 * On `sales` (a fresh page), commercial1 creates the client `clientName` and a Marseille → Radès
 * FCL quote (one line: 900 TND bought, 1 100 TND sold), sends it, and the customer accepts it in a
 * context of their own. Answers the quote's id and number; `sales` is left on the quote.
 */
export async function acceptedSeaQuote(
  sales: Page,
  browser: Browser,
  baseUrl: string,
  { clientName, stamp }: { clientName: string; stamp: string },
): Promise<{ quoteId: string; quoteNumber: string }> {
  await logIn(sales, baseUrl, 'commercial1', undefined, '/clients');
  await openDialog(sales, sales.getByTestId('client-create'));
  await sales.getByTestId('client-name').fill(clientName);
  // A well-formed matricule fiscal (docs/rules.md) unique to this run.
  const taxDigits = String(Date.now() % 10_000_000).padStart(7, '0');
  await sales.getByTestId('client-fiscal-id').fill(`${taxDigits}A/A/M/000`);
  await sales.getByTestId('client-form-submit').click();
  await sales.getByTestId('client-detail').waitFor();
  const clientId = sales.url().split('/').pop()?.split('?')[0] ?? '';
  expect(clientId).toMatch(/^[0-9a-f-]{36}$/);

  await sales.goto(`${baseUrl}/quotes/new?clientId=${clientId}`);
  await expect
    .poll(() => sales.getByTestId('quote-client').inputValue(), { timeout: 10_000 })
    .toBe(clientName);
  await sales.getByTestId('quote-title').fill('FCL Marseille → Radès, huile en fûts');
  await pick(sales, sales.getByTestId('quote-origin-code'), 'FRMRS', '(FRMRS)');
  await pick(sales, sales.getByTestId('quote-destination-code'), 'TNRDS', '(TNRDS)');
  await sales.getByTestId('quote-commodity').fill('Huile d’olive en fûts');
  await sales.getByTestId('quote-weight').fill('12000');
  await sales.getByTestId('quote-line-add').click();
  const line = sales.locator('[data-testid="quote-line-0"]');
  await line.locator('[data-testid="line-description"]').fill('Fret maritime Marseille → Radès');
  await line.locator('[data-testid="line-buy"]').fill('900');
  await line.locator('[data-testid="line-sell"]').fill('1100');
  await sales.getByTestId('quote-save').click();
  await sales.getByTestId('quote-number').waitFor({ timeout: 20_000 });
  const quoteId = sales.url().split('/').pop() ?? '';
  const quoteNumber = (await sales.getByTestId('quote-number').textContent())?.trim() ?? '';
  await openDialog(sales, sales.getByTestId('quote-send'));
  await sales.getByTestId('quote-send-recipients').fill(`achats.${stamp}@huilerie-sfax.example`);
  await sales.getByTestId('quote-send-confirm').click();
  await sales.getByTestId('quote-public-link').waitFor({ timeout: 20_000 });
  const publicUrl = (await sales.getByTestId('quote-public-link').getAttribute('href')) ?? '';

  const customer = await browser.newContext();
  try {
    const publicPage = await customer.newPage();
    await publicPage.goto(publicUrl);
    await publicPage.getByTestId('public-quote-accept').click();
    await publicPage.getByTestId('public-quote-reference').fill(`PO-${stamp}`);
    await publicPage.getByTestId('public-quote-accept-confirm').click();
    await publicPage.getByTestId('public-quote-accepted').waitFor();
  } finally {
    await customer.close();
  }
  return { quoteId, quoteNumber };
}
