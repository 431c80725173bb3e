import { describe, expect, inject, it } from 'vitest';
import { cspViolations, browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, submitDialog } from '../../src/dialogs.js';
import { logIn } from '../../src/session.js';

describe('Référentiels section', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('lets anyone find Radès by its code and an admin add a haulier with a readable code', async () => {
    const page = await browser.newPage();
    const blocked = cspViolations(page);
    await logIn(page, baseUrl, 'admin', undefined, '/reference');
    await page.getByTestId('reference-card-locations').click();
    await page.getByTestId('reference-search').fill('rades');
    const row = page.getByTestId('reference-table').getByText('TNRDS');
    await row.waitFor();
    await expect(page.getByTestId('reference-table').textContent()).resolves.toContain('Radès');
    await screenshot(page, '40-reference-locations');

    await page.goto(new URL('/reference/hauliers', baseUrl).toString());
    const dialog = await openDialog(page, page.getByTestId('reference-create'));
    await dialog.getByTestId('reference-field-name').fill('Transports Sahel Express');
    await dialog.getByTestId('reference-field-city').fill('Sousse');
    await screenshot(page, '41-reference-haulier-form');
    await submitDialog(page, dialog.getByTestId('reference-form-submit'), 'haulier');
    await page.getByTestId('reference-table').getByText('Transports Sahel Express').waitFor();
    await expect(page.getByTestId('reference-table').textContent()).resolves.toMatch(/TRP-\d{3}/);
    // Archiving says so and can be taken back from the message.
    const haulier = page.getByRole('row', { name: /Transports Sahel Express/ });
    await haulier.getByRole('button', { name: 'Archiver' }).click();
    await haulier.waitFor({ state: 'detached' });
    const snack = page.locator('mat-snack-bar-container');
    await expect.poll(() => snack.textContent()).toMatch(/TRP-\d{3}\s*» archivé/);
    await snack.getByRole('button', { name: 'Annuler' }).click();
    await page.getByRole('row', { name: /Transports Sahel Express/ }).waitFor();
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('shows the lists read-only to a commercial', async () => {
    const page = await browser.newPage();
    await logIn(page, baseUrl, 'commercial1', undefined, '/reference/charge-types');
    await page.getByTestId('reference-table').getByText('THC').waitFor();
    await expect(page.getByTestId('reference-create').count()).resolves.toBe(0);
    await screenshot(page, '42-reference-charge-types-commercial');
    await page.close();
  });
});
