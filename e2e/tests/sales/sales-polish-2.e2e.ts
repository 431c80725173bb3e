import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { ARTIFACTS, browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog } from '../../src/dialogs.js';
import { receivedMail } from '../../src/mailbox.js';
import { pick } from '../../src/pickers.js';
import { logIn } from '../../src/session.js';
import { cutSideways } from '../../src/ui.js';

/** A 390 px phone must never scroll the page sideways. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Whether the element is (at least partly) inside the visible part of the window. */
const inViewport = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight && box.height > 0;
  });

/** What the user sees right now (the shared helper takes the full page, hiding sticky parts). */
const viewportShot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/** "Statut : brouillon → envoyée", whatever the spacing the template leaves between its parts. */
const change = (label: string, before: string, after: string) =>
  new RegExp(`${label}\\s*:\\s*${before}\\s*→\\s*${after}`);

const count = (text: string, word: string) => text.split(word).length - 1;

describe('the quote e-mail, the public page, history in words and layout (issue 7, items 6, 8, 12)', () => {
  const baseUrl = inject('baseUrl');
  const mailboxDir = inject('mailboxDir');
  const browser = browserForSuite();
  const stamp = Date.now().toString(36);
  const clientName = `Céramiques du Sahel ${stamp}`;
  const buyer = `achats.${stamp}@ceramiques-sahel.example`;
  const billing = `compta.${stamp}@ceramiques-sahel.example`;
  let quoteId = '';
  let clientId = '';
  let publicUrl = '';

  /** A client and a saved quote with `lines` lines, through the screens. */
  async function clientAndQuote(page: Page, lines: number): Promise<void> {
    await page.goto(`${baseUrl}/clients`);
    await openDialog(page, page.getByTestId('client-create'));
    await page.getByTestId('client-name').fill(clientName);
    await page.getByTestId('client-email').fill(billing);
    await page.getByTestId('client-form-submit').click();
    await page.getByTestId('client-detail').waitFor();
    clientId = page.url().split('/').pop()?.split('?')[0] ?? '';
    await page.goto(`${baseUrl}/quotes/new?clientId=${clientId}`);
    await expect
      .poll(() => page.getByTestId('quote-client').inputValue(), { timeout: 10_000 })
      .toBe(clientName);
    await page.getByTestId('quote-title').fill('Carreaux Sousse → Gênes');
    await pick(page, page.getByTestId('quote-origin-code'), 'TNSUS', '(TNSUS)');
    await pick(page, page.getByTestId('quote-destination-code'), 'ITGOA', '(ITGOA)');
    for (let i = 0; i < lines; i++) {
      await page.getByTestId('quote-line-add').click();
      const line = page.locator(`[data-testid="quote-line-${i}"]`);
      await line.locator('[data-testid="line-description"]').fill(`Prestation ${i + 1}`);
      await line.locator('[data-testid="line-buy"]').fill('900');
      await line.locator('[data-testid="line-sell"]').fill('1 100');
    }
  }

  it('at 1440 px: sends with subject, CC and a preview; the customer sees who sends; the history reads as words', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, baseUrl, 'commercial1', undefined, '/clients');
    await clientAndQuote(page, 6);

    // 12. While editing the first lines, the live totals stay on screen.
    await page.locator('[data-testid="quote-line-0"] [data-testid="line-sell"]').focus();
    expect(await inViewport(page, 'quote-totals-bar')).toBe(true);
    await viewportShot(page, '90-editor-totals-bar');
    await page.getByTestId('quote-save').click();
    await page.getByTestId('quote-number').waitFor({ timeout: 20_000 });
    quoteId = page.url().split('/').pop() ?? '';

    // 8. The send dialog: CC validated, subject, a preview with one greeting and one signature.
    const dialog = await openDialog(page, page.getByTestId('quote-send'));
    // No contact on this quote: the client's billing address is proposed, not an empty field
    // (which would mark the quote sent without any e-mail).
    await expect
      .poll(() => page.getByTestId('quote-send-recipients').inputValue(), { timeout: 10_000 })
      .toBe(billing);
    await page.getByTestId('quote-send-recipients').fill(buyer);
    await page.getByTestId('quote-send-cc').fill('direction@ceramiques-sahel.example, pas-une-adresse');
    await page.getByTestId('quote-send-subject').click();
    await page.getByTestId('quote-send-cc-error').waitFor();
    await page.getByTestId('quote-send-cc').fill('direction@ceramiques-sahel.example');
    await page.getByTestId('quote-send-subject').fill(`Votre cotation carreaux ${stamp}`);
    await page
      .getByTestId('quote-send-message')
      .fill('Bonjour Madame Ben Salah,\n\nComme convenu, voici notre offre.\n\nCordialement,\nAmira');
    await expect
      .poll(() => page.getByTestId('quote-send-preview').textContent(), { timeout: 10_000 })
      .toContain('Comme convenu');
    const preview = (await page.getByTestId('quote-send-preview').textContent()) ?? '';
    expect(count(preview, 'Bonjour')).toBe(1);
    expect(count(preview, 'Cordialement')).toBe(1);
    expect(await page.getByTestId('quote-send-preview-subject').textContent()).toBe(
      `Votre cotation carreaux ${stamp}`,
    );
    await screenshot(page, '91-send-dialog-preview');
    await dialog.getByTestId('quote-send-confirm').click();
    await page.getByTestId('quote-public-link').waitFor({ timeout: 20_000 });
    // No server path for a salesperson; no outbox notice either (this run e-mails through SMTP).
    expect(await page.getByTestId('quote-outbox-path').count()).toBe(0);
    expect(await page.getByTestId('quote-outbox').count()).toBe(0);
    publicUrl = (await page.getByTestId('quote-public-link').getAttribute('href')) ?? '';

    await expect
      .poll(async () => (await receivedMail(mailboxDir)).find((m) => m.subject?.includes(stamp)), {
        timeout: 20_000,
      })
      .toBeTruthy();
    const mail = (await receivedMail(mailboxDir)).find(
      (m) => m.subject === `Votre cotation carreaux ${stamp}`,
    );
    expect(JSON.stringify(mail?.cc)).toContain('direction@ceramiques-sahel.example');
    expect(count(mail?.text ?? '', 'Bonjour')).toBe(1);
    expect(count(mail?.text ?? '', 'Cordialement')).toBe(1);

    // 6. The history says what happened in words.
    const history = page.getByTestId('timeline');
    await expect
      .poll(() => history.textContent(), { timeout: 10_000 })
      .toMatch(change('Statut', 'brouillon', 'envoyée'));
    expect(await history.textContent()).toContain('E-mail envoyé');
    expect(await history.textContent()).toMatch(new RegExp(`Objet\\s*:\\s*Votre cotation carreaux ${stamp}`));
    expect(await history.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await screenshot(page, '92-quote-history-in-words');

    // 8. The customer's page: letterhead, salesperson, PDF, customer wording, announced confirmation.
    const customer = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const publicPage = await customer.newPage();
    await publicPage.goto(publicUrl);
    const letterhead = publicPage.getByTestId('public-quote-letterhead');
    await letterhead.waitFor();
    expect(await letterhead.textContent()).toContain('VELOSI');
    expect(await publicPage.getByTestId('public-quote-salesperson').textContent()).toContain('Amira');
    const pdfHref = (await publicPage.getByTestId('public-quote-pdf').getAttribute('href')) ?? '';
    const pdf = await customer.request.get(new URL(pdfHref, publicUrl).toString());
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const body = (await publicPage.getByTestId('public-quote').textContent()) ?? '';
    expect(body).not.toContain('Vente HT');
    expect(body).toContain('Total HT');
    expect(await publicPage.getByTestId('public-quote-status').count()).toBe(0);
    expect(await publicPage.getByTestId('public-quote-confirmation').getAttribute('aria-live')).toBe(
      'polite',
    );
    await screenshot(publicPage, '93-public-quote-letterhead');
    await publicPage.getByTestId('public-quote-accept').click();
    await publicPage.getByTestId('public-quote-accept-confirm').click();
    await publicPage.getByTestId('public-quote-accepted').waitFor();
    await expect
      .poll(() => publicPage.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('public-quote-confirmation');
    await expect.poll(() => inViewport(publicPage, 'public-quote-accepted')).toBe(true);
    await screenshot(publicPage, '94-public-quote-accepted');
    await customer.close();

    // 6. The customer's decision reads as theirs; the acceptance named the client, not an id.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('timeline').textContent(), { timeout: 15_000 })
      .toContain('client (lien public)');
    expect(await page.getByTestId('timeline').textContent()).toMatch(change('Statut', 'envoyée', 'acceptée'));
    await screenshot(page, '95-quote-history-public-link');
    await context.close();
  });

  it('at 390 px: public page, quote page and editor fit the phone; the totals stay in view', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    await logIn(page, baseUrl, 'commercial1', undefined, '/quotes');
    const heights: number[] = [];
    for (const [path, ready, shot] of [
      ['/quotes', 'quotes-search', '96-phone-quote-list'],
      [`/quotes/${quoteId}`, 'quote-number', '97-phone-quote-detail'],
      ['/opportunities/list', 'opportunities-table', '98-phone-opportunities'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByTestId(ready).first().waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
      heights.push((await page.getByTestId('top-bar').boundingBox())?.height ?? 0);
      await screenshot(page, shot);
      expect(await fitsWidth(page), path).toBe(true);
      // The quote's lines are cards on a phone, not a table cut by its card.
      if (ready === 'quote-number') expect(await cutSideways(page, 'quote-lines'), 'quote lines').toBe(false);
    }
    expect(new Set(heights).size, `top bar heights ${heights.join(', ')}`).toBe(1);

    await page.goto(`${baseUrl}/quotes/new?clientId=${clientId}`);
    await page.getByTestId('quote-title').waitFor();
    for (let i = 0; i < 3; i++) await page.getByTestId('quote-line-add').click();
    await page.locator('[data-testid="quote-line-0"] [data-testid="line-sell"]').fill('1 100');
    expect(await inViewport(page, 'quote-totals-bar')).toBe(true);
    expect(await fitsWidth(page), 'editor').toBe(true);
    // A line card fits too (its fields are not cut off inside a clipped container).
    const line = page.locator('[data-testid="quote-line-0"]');
    expect(await line.evaluate((el) => el.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
    expect(await line.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'line card').toBe(true);
    await viewportShot(page, '99-phone-editor');

    const customer = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const publicPage = await customer.newPage();
    await publicPage.goto(publicUrl);
    await publicPage.getByTestId('public-quote-letterhead').waitFor();
    expect(await fitsWidth(publicPage), 'public page').toBe(true);
    expect(await cutSideways(publicPage, 'public-quote-lines'), 'public lines').toBe(false);
    await screenshot(publicPage, '100-phone-public-quote');
    await customer.close();
    await context.close();
  });
});
