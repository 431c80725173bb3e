import { describe, expect, inject, it } from 'vitest';
import { apiAs } from '../../src/api-client.js';
import { browserForSuite } from '../../src/browser.js';
import { openDialog } from '../../src/dialogs.js';
import { logIn } from '../../src/session.js';

// Deleting a part of a job file asks first, names the part, and says it is done.
describe('a job’s parts are deleted after a question that names them', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('ops1 deletes a cost line: the question quotes its description, Cancel keeps it, Delete removes it', async () => {
    // The demo's booked sea job (jobs/demo), with one cost line added for this run.
    const api = await apiAs(baseUrl, 'ops1');
    const { items } = await api<{ items: { id: string }[] }>('GET', '/api/jobs?status=booked&pageSize=10');
    const jobId = items[0]!.id;
    const description = `Manutention quai ${Date.now()}`;
    type Detail = { charges: { id: string; description: string }[] };
    const added = await api<Detail>('POST', `/api/jobs/${jobId}/charges`, {
      side: 'cost',
      stage: 'actual',
      description,
      quantity: '1',
      unitPrice: '85.000',
      vatRate: 19,
    });
    const chargeId = added.charges.find((c) => c.description === description)!.id;
    const stillThere = async () =>
      (await api<Detail>('GET', `/api/jobs/${jobId}`)).charges.some((c) => c.id === chargeId);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, baseUrl, 'ops1', undefined, `/jobs/${jobId}`);
    await page.getByRole('tab', { name: /Coûts et marge/ }).dispatchEvent('click');
    const row = page.getByTestId(`charge-${chargeId}`);
    const remove = row.getByRole('button', { name: /Supprimer/ });

    const question = await openDialog(page, remove);
    expect(await question.locator('h2').innerText()).toBe('Supprimer la ligne ?');
    expect(await question.innerText()).toContain(`« ${description} »`);
    await question.getByRole('button', { name: /Annuler/ }).click();
    await question.waitFor({ state: 'detached' });
    expect(await stillThere()).toBe(true);

    await openDialog(page, remove);
    await page.getByTestId('confirm').click();
    await expect
      .poll(async () => (await page.locator('.mat-mdc-snack-bar-label').allInnerTexts()).join(' '))
      .toContain('Ligne supprimée.');
    await row.waitFor({ state: 'detached' });
    expect(await stillThere()).toBe(false);
    await page.close();
  }, 120_000);
});
