import { describe, expect, inject, it } from 'vitest';
import { apiAs } from '../../src/api-client.js';
import { browserForSuite } from '../../src/browser.js';
import { openDialog } from '../../src/dialogs.js';
import { logIn } from '../../src/session.js';

// Cancelling a job asks why and cancels it. A tester found the dialog's button reloading the page
// and cancelling nothing: its <form> had no form directive, so the browser submitted it.
describe('cancelling a job', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('ops1 cancels an open job with a reason; the page stays and reads "Annulé"', async () => {
    const api = await apiAs(baseUrl, 'ops1');
    const { items } = await api<{ items: { id: string }[] }>('GET', '/api/jobs?status=open&pageSize=50');
    let jobId = '';
    for (const { id } of items) {
      const billed = await api<{ total: number }>('GET', `/api/invoices?jobId=${id}`);
      if (billed.total === 0) {
        jobId = id;
        break;
      }
    }
    expect(jobId).not.toBe('');

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await logIn(page, baseUrl, 'ops1', undefined, `/jobs/${jobId}`);
    const dialog = await openDialog(page, page.getByTestId('job-cancel'));
    // No reason: the dialog stays, saying the reason is needed.
    await dialog.getByTestId('job-cancel-confirm').click();
    await dialog.locator('.mat-mdc-form-field-error').waitFor();
    expect(page.url()).toBe(`${baseUrl}/jobs/${jobId}`);
    await dialog.getByTestId('job-cancel-reason').fill('Le client a annulé la commande');
    await dialog.getByTestId('job-cancel-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('job-status').innerText(), { timeout: 15_000 }).toBe('Annulé');
    expect(page.url()).toBe(`${baseUrl}/jobs/${jobId}`);
    const job = await api<{ status: string; cancelReason: string }>('GET', `/api/jobs/${jobId}`);
    expect(job).toMatchObject({ status: 'cancelled', cancelReason: 'Le client a annulé la commande' });
    await page.close();
  });
});
