import { describe, expect, inject, it } from 'vitest';
import { apiAs, bookedDemoJobId } from '../../src/api-client.js';
import { browserForSuite } from '../../src/browser.js';
import { openDialog } from '../../src/dialogs.js';
import { logIn } from '../../src/session.js';
import { chooseOption } from '../../src/ui.js';

// A job's cost lines: deleting one asks first and names it; one in a foreign currency is priced
// at the day's reference rate unless the user types another.
describe('a job’s cost lines', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('ops1 deletes a cost line (the question quotes it, Cancel keeps it); a line in euros gets the day’s rate', async () => {
    // The demo's booked sea job (jobs/demo), with one cost line added for this run.
    const api = await apiAs(baseUrl, 'ops1');
    const jobId = await bookedDemoJobId(api);
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

    // A new cost in euros gets the day's reference rate (never the TND's 1), said as such.
    await page.getByTestId('charge-add-cost').click();
    await chooseOption(page, page.getByTestId('charge-currency'), 'EUR');
    const rate = page.getByTestId('charge-rate');
    await expect.poll(() => rate.inputValue()).toMatch(/^\d+,\d+$/);
    expect(await page.getByTestId('charge-rate-hint').innerText()).toMatch(/^Cours du \d{1,2} \S+$/);
    // Back to TND: rate 1, no rate field.
    await chooseOption(page, page.getByTestId('charge-currency'), 'TND');
    await rate.waitFor({ state: 'detached' });
    await page.close();
  }, 120_000);
});
