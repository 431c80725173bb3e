import { describe, expect, inject, it } from 'vitest';
import { apiAs } from '../../src/api-client.js';
import { browserForSuite, screenshot } from '../../src/browser.js';
import { logIn } from '../../src/session.js';

/**
 * The audit log names objects as people do: a client by its name, linked to its page, with the
 * whole id kept on its own line for support — on a phone too, where the rows are cards.
 */
describe('the audit log’s object names', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('shows a client’s name linked to its page, keeps its id and counts its values, on a phone', async () => {
    const name = `Huilerie du Sahel ${Date.now()}`;
    const api = await apiAs(baseUrl, 'admin');
    const client = await api<{ id: string; version: number }>('POST', '/api/clients', {
      name,
      city: 'Sousse',
    });
    await api('PATCH', `/api/clients/${client.id}`, { city: 'Monastir', version: client.version });

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, baseUrl, 'admin', undefined, `/admin/audit?q=${client.id}`);
    // Newest first: the change of city, which names the field and gives its values before → after.
    const change = page.locator('[data-testid^="audit-row-"]').first();
    await change.waitFor();
    await change.locator('summary').first().click();
    const changes = change.getByTestId('audit-changes');
    const labels = await changes.locator('dt').allInnerTexts();
    expect(labels).toContain('Ville');
    const city = changes.locator('dd').nth(labels.indexOf('Ville'));
    expect(await city.locator('span[title]').allInnerTexts()).toEqual(['Sousse', 'Monastir']);
    expect(await city.locator('.before').innerText()).toBe('Sousse');

    const row = page.locator('[data-testid^="audit-row-"]').nth(1);
    await row.waitFor();
    const link = row.getByTestId('audit-entity-link');
    expect((await link.textContent())?.trim()).toBe(name);
    expect(await link.getAttribute('href')).toBe(`/clients/${client.id}`);
    expect((await row.locator('.entity-id').textContent())?.trim()).toBe(client.id);
    // A creation counts the values it recorded instead of naming every field of the form.
    expect((await row.locator('summary').first().textContent())?.trim()).toMatch(
      /^\d+ (valeurs enregistrées|values recorded)$/,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'audit-names-phone');

    await link.click();
    await page.waitForURL(new RegExp(`/clients/${client.id}$`));
    await page.close();
  });
});
