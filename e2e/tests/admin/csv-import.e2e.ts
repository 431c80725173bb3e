import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Locator } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { cspViolations, browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog } from '../../src/dialogs.js';
import { logIn } from '../../src/session.js';

/** 2,500 clients (three import batches), five of them without a name, plus a column to ignore. */
function clientsCsv(tag: string): string {
  const lines = ['Raison sociale;Ville;Pays;Remarque interne'];
  for (let i = 0; i < 2_500; i += 1) {
    lines.push(i % 500 === 3 ? `;Sfax;TN;sans nom` : `E2E ${tag} n${i};Sousse;TN;ok`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Chooses a CSV file in the import dialog; resolves with the dry-run summary once it shows. */
async function chooseCsv(dialog: Locator, name: string, csv: string): Promise<Locator> {
  await dialog.getByTestId('csv-import-file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  const summary = dialog.getByTestId('csv-import-summary');
  await summary.waitFor();
  return summary;
}

describe('CSV import and export of clients', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('an admin imports a CSV: dry-run report, progress, result counted, error report, then exports', async () => {
    const tag = randomUUID().slice(0, 6);
    const page = await browser.newPage({ acceptDownloads: true });
    const blocked = cspViolations(page);
    await logIn(page, baseUrl, 'admin', undefined, '/clients');
    const dialog = await openDialog(page, page.getByTestId('clients-import'));
    const summary = await chooseCsv(dialog, 'clients.csv', clientsCsv(tag));
    await expect(summary.textContent()).resolves.toMatch(/2500\D+2495\D+5/);
    // The mapping was guessed from the French headers; the unknown column is ignored.
    await expect(dialog.getByTestId('csv-map-0').textContent()).resolves.toContain('Raison sociale');
    await expect(dialog.getByTestId('csv-map-3').textContent()).resolves.toContain('Ignorer');
    await expect(dialog.getByTestId('csv-import-errors').textContent()).resolves.toContain('Ligne 5');
    await expect(dialog.getByTestId('csv-import-errors').textContent()).resolves.toMatch(
      /Raison sociale\s*—\s*obligatoire/,
    );
    await screenshot(page, '60-csv-import-dry-run');

    await dialog.getByTestId('csv-import-run').click();
    await dialog.getByTestId('csv-import-progress').waitFor();
    const result = dialog.getByTestId('csv-import-result');
    await result.waitFor({ timeout: 60_000 });
    await expect(result.textContent()).resolves.toMatch(/2495\D+5/);
    await expect(dialog.getByTestId('csv-import-progress-text').textContent()).resolves.toContain(
      '2500 / 2500',
    );
    await screenshot(page, '61-csv-import-done');

    const [report] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByTestId('csv-import-error-report').click(),
    ]);
    const reportText = await readFile(await report.path(), 'utf8');
    expect(reportText).toContain('Ligne;Champ;Motif');
    expect(reportText.split('\r\n').filter((l) => /^\d+;name;/.test(l))).toHaveLength(5);

    await dialog.getByTestId('csv-import-close').click();
    await dialog.waitFor({ state: 'detached' });
    // Among 2,500 names sorted, n7 is on the first page only once the search applies.
    await page.getByTestId('clients-search').fill(`${tag} n7`);
    await page.getByTestId('clients-table').getByText(`E2E ${tag} n7`, { exact: true }).waitFor();

    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('clients-export').click(),
    ]);
    expect(exported.suggestedFilename()).toBe('clients.csv');
    const exportedText = await readFile(await exported.path(), 'utf8');
    expect(exportedText).toContain(`E2E ${tag} n7;`);
    expect(exportedText).not.toContain(`E2E ${tag} n2;`); // the search applies to the export
    expect(blocked).toEqual([]);
    await page.close();
  });

  it('an admin imports exchange rates from the reference list', async () => {
    const page = await browser.newPage();
    await logIn(page, baseUrl, 'admin', undefined, '/reference/exchange-rates');
    const dialog = await openDialog(page, page.getByTestId('exchange-rates-import'));
    await chooseCsv(
      dialog,
      'rates.csv',
      'Devise;Date;Cours (TND)\nGBP;2026-04-01;3.901234\nGBP;2026-04-02;\n',
    );
    await dialog.getByTestId('csv-import-run').click();
    const result = dialog.getByTestId('csv-import-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/1\D+1/);
    await dialog.getByTestId('csv-import-close').click();
    // The rate as typed in French (the stored 3.901234).
    await page.getByTestId('reference-table').getByText('3,901234').waitFor();
    await page.close();
  });

  it('fits a 390 px phone', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, baseUrl, 'admin', undefined, '/clients');
    const dialog = await openDialog(page, page.getByTestId('clients-import'));
    await chooseCsv(dialog, 'few.csv', 'Name,City,Colour\nPhone SARL,Nabeul,blue\n,Tunis,red\n');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, '62-csv-import-phone');
    await page.close();
  });
});
