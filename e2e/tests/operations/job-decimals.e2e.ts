import { describe, expect, inject, it } from 'vitest';
import { apiAs, bookedDemoJobId } from '../../src/api-client.js';
import { browserForSuite } from '../../src/browser.js';
import { logIn } from '../../src/session.js';
import { useLanguage } from '../../src/ui.js';

// A job's decimals in the language they are typed in: the English reading of a comma, and a
// language switch in the middle of an edit.
describe('a job’s cargo figures in English and French', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('in English a comma only groups thousands: 1,250 kg is saved as 1250, 1,25 is refused; a switch rewrites the field', async () => {
    // The demo's booked sea job (jobs/demo): ops1 edits its cargo.
    const api = await apiAs(baseUrl, 'ops1');
    const jobId = await bookedDemoJobId(api);
    const weightKg = async () =>
      (await api<{ grossWeightKg: string | null }>('GET', `/api/jobs/${jobId}`)).grossWeightKg;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await logIn(page, baseUrl, 'ops1', undefined, `/jobs/${jobId}`);
    await useLanguage(page, 'en');
    const weight = page.getByTestId('job-grossWeightKg');
    const save = async () => {
      await page.getByTestId('job-save').click();
      await expect.poll(() => page.getByTestId('job-save').isDisabled(), { timeout: 15_000 }).toBe(true);
    };

    // A comma that is no thousands separator is refused in English, never read as 1.25.
    await weight.fill('1,25');
    await weight.press('Tab');
    const error = page.locator('mat-form-field', { has: weight }).locator('.mat-mdc-form-field-error');
    await expect.poll(() => error.textContent()).toMatch(/Use a point for decimals/);
    await weight.fill('1,250');
    await save();
    await expect.poll(weightKg, { timeout: 15_000 }).toMatch(/^1250(\.0+)?$/);
    await page.reload();
    await expect.poll(() => weight.inputValue(), { timeout: 20_000 }).toBe('1250');

    // Typed the French way, then the language switched before saving: rewritten, same number.
    await useLanguage(page, 'fr');
    await weight.fill('1250,5');
    await useLanguage(page, 'en');
    expect(await weight.inputValue()).toBe('1250.5');
    await save();
    await expect.poll(weightKg, { timeout: 15_000 }).toMatch(/^1250\.50*$/);
    await context.close();
  }, 120_000);
});
