import { describe, expect, inject, it } from 'vitest';
import { apiAs } from '../src/api-client.js';
import { browserForSuite } from '../src/browser.js';
import { logIn } from '../src/session.js';

/**
 * What every list page shares (shared/list: ListToolbar, ListCard, ListTable): a header sorts the
 * list into the address, a click anywhere on a row opens its record, "clear filters" appears with
 * a search and empties it, and on a phone the rows are cards without a header row.
 */
describe('the list pages’ shared table and toolbar', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('sorts by a header, opens a row, clears the search', async () => {
    const stamp = Date.now();
    const api = await apiAs(baseUrl, 'admin');
    const client = await api<{ id: string }>('POST', '/api/clients', {
      name: `Huilerie de Sfax ${stamp}`,
      city: 'Sfax',
    });

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, baseUrl, 'admin', undefined, '/clients');
    await page.getByTestId('clients-table').waitFor();
    await page.getByRole('columnheader', { name: /Ville|City/ }).click();
    await page.waitForURL(/sort=city:asc/);

    await page.getByTestId('clients-search').fill(`Sfax ${stamp}`);
    const row = page.getByTestId(`client-row-${client.id}`);
    await row.waitFor();
    // The row, not its name's link: the whole row opens the record.
    await row.locator('td').nth(2).click();
    await page.waitForURL(new RegExp(`/clients/${client.id}$`));

    await page.goto(new URL('/admin/audit', baseUrl).toString());
    await page.getByTestId('audit-table').waitFor();
    const clear = page.getByRole('button', { name: /Effacer les filtres|Clear filters/ });
    expect(await clear.count()).toBe(0);
    await page.getByTestId('audit-search').fill('admin');
    await page.waitForURL(/q=admin/);
    await clear.click();
    await page.waitForURL((url) => !url.searchParams.has('q'));
    expect(await page.getByTestId('audit-search').inputValue()).toBe('');
    expect(await clear.count()).toBe(0);
    await page.close();
  });

  it('shows the rows as cards on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, baseUrl, 'admin', undefined, '/admin/audit');
    const card = page.locator('[data-testid^="audit-row-"]').first();
    await card.waitFor();
    expect(await card.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    expect(await page.locator('tr.mat-mdc-header-row').isVisible()).toBe(false);
    const label = await card
      .locator('td')
      .first()
      .evaluate((td) => getComputedStyle(td, '::before').content);
    expect(label).toMatch(/Date|Time/);
    await page.close();
  });

  it('folds the filters and sorts from a menu on a phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, baseUrl, 'admin', undefined, '/admin/audit');
    const card = page.locator('[data-testid^="audit-row-"]').first();
    await card.waitFor();
    // The filters fold behind a button beside the search: the first card shows on the first screen.
    expect((await card.boundingBox())?.y).toBeLessThan(844);
    const toggle = page.getByTestId('list-filters-toggle');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('audit-filter-action').isVisible()).toBe(false);
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('audit-filter-action').waitFor();
    await toggle.click();

    // The headers are hidden: a menu chooses the order, a button flips it, both into the address.
    await page.getByTestId('list-sort-field').click();
    await page.getByRole('option', { name: /^(Action)$/ }).click();
    await page.waitForURL(/sort=action:desc/);
    await page.getByTestId('list-sort-direction').click();
    await page.waitForURL(/sort=action:asc/);
    expect(await page.getByTestId('list-sort-direction').getAttribute('aria-label')).toMatch(
      /Ordre croissant|Ascending order/,
    );

    // An address that already filters shows its filters; a list without filters has no button.
    await page.goto(new URL('/admin/audit?action=login', baseUrl).toString());
    await page.getByTestId('audit-filter-action').waitFor();
    await expect
      .poll(() => page.getByTestId('list-filters-toggle').getAttribute('aria-expanded'))
      .toBe('true');
    await page.goto(new URL('/admin/users', baseUrl).toString());
    await page.getByTestId('users-table').waitFor();
    expect(await page.getByTestId('list-filters-toggle').isVisible()).toBe(false);

    // A list that opens in an order no column gives (leads: newest first) names it in the menu.
    await page.goto(new URL('/leads', baseUrl).toString());
    await page.getByTestId('leads-table').waitFor();
    await expect.poll(() => page.getByTestId('list-sort-field').innerText()).toMatch(/^(Créé le|Created)$/);
    await page.close();
  });

  // Every list page, not only the ones that once opted in: nothing wider than the phone's screen.
  it('fits every list page in a phone’s width, rows as cards', async () => {
    const stamp = Date.now();
    const api = await apiAs(baseUrl, 'admin');
    await api('POST', '/api/clients', { name: `Conserverie de Nabeul ${stamp}`, city: 'Nabeul' });
    await api('POST', '/api/leads', { fullName: `Sami Ben Ali ${stamp}`, company: `Sfax Trans ${stamp}` });

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, baseUrl, 'admin', undefined, '/leads');
    const lists: readonly [path: string, table: string][] = [
      ['/leads', 'leads-table'],
      ['/clients', 'clients-table'],
      ['/admin/users', 'users-table'],
      ['/reference/locations', 'reference-table'],
      ['/admin/audit', 'audit-table'],
    ];
    for (const [path, table] of lists) {
      await page.goto(new URL(path, baseUrl).toString());
      const rows = page.getByTestId(table).locator('tr.mat-mdc-row');
      await rows.first().waitFor();
      // A table cut by a scrolling card ends past the screen's right edge even if the page does not.
      const widths = await page.evaluate(
        (testid) => ({
          page: document.documentElement.scrollWidth,
          tableRight: Math.round(
            document.querySelector(`[data-testid="${testid}"]`)!.getBoundingClientRect().right,
          ),
        }),
        table,
      );
      expect(widths.page, path).toBeLessThanOrEqual(390);
      expect(widths.tableRight, path).toBeLessThanOrEqual(390);
      expect(await rows.first().evaluate((tr) => getComputedStyle(tr).display), path).toBe('block');
    }
    await page.close();
  });
});
