import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cspViolations, browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, submitDialog } from '../../src/dialogs.js';
import { pick } from '../../src/pickers.js';
import { logIn } from '../../src/session.js';
import { frenchDaysAgo, imoFor, MINIMAL_PDF } from '../../src/fixtures.js';
import { digits, scrollsSideways } from '../../src/ui.js';
import { acceptedSeaQuote } from '../../src/accepted-quote.js';

/**
 * Opens a tab of the job page. On a phone the tab bar pages with chevrons that overlap the
 * labels at its edges, so the tab gets the click event itself (what a tap after paging does).
 */
const openTab = (page: Page, name: RegExp) => page.getByRole('tab', { name }).dispatchEvent('click');

describe('an accepted quote becomes a job file operations run to arrival (issue 11)', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();
  const stamp = Date.now().toString(36);
  const clientName = `Huilerie de Sfax ${stamp}`;
  const vesselName = `CMA CGM Velosi ${stamp}`;
  const imo = imoFor(Date.now());

  it('public acceptance → ops1 sets carrier, vessel, containers, departure, arrival and sees the profit → commercial1 reads the milestones', async () => {
    const contexts: BrowserContext[] = [];
    const desktop = async () => {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      contexts.push(context);
      return context.newPage();
    };

    // 0. The vessel is reference data an admin keeps (the demo lists a few; this one is new).
    const admin = await desktop();
    await logIn(admin, baseUrl, 'admin', undefined, '/reference/vessels');
    const vesselDialog = await openDialog(admin, admin.getByTestId('reference-create'));
    await vesselDialog.getByTestId('reference-field-name').fill(vesselName);
    await vesselDialog.getByTestId('reference-field-imo').fill(imo);
    await submitDialog(admin, vesselDialog.getByTestId('reference-form-submit'), 'vessel');
    await admin.getByTestId('reference-table').getByText(vesselName).waitFor();

    // 1–2. commercial1 sells a sea quote (1 100 TND sold, 900 TND bought) that the customer
    //      accepts on the public link: the job file opens in the same transaction.
    const sales = await desktop();
    const blocked = cspViolations(sales);
    const { quoteId, quoteNumber } = await acceptedSeaQuote(sales, browser, baseUrl, { clientName, stamp });

    // 3. ops1 finds the job from the accepted quote and opens it.
    const ops = await desktop();
    await logIn(ops, baseUrl, 'ops1', undefined, `/quotes/${quoteId}`);
    await ops.getByTestId('nav-jobs').waitFor();
    const jobLink = ops.getByTestId('quote-job-link');
    await jobLink.waitFor({ timeout: 20_000 });
    await jobLink.click();
    await ops.getByTestId('job-number').waitFor({ timeout: 20_000 });
    const jobNumber = (await ops.getByTestId('job-number').textContent())?.trim() ?? '';
    expect(jobNumber).toMatch(/^S[EI]\d{2}-\d{5}$/);
    expect(await ops.getByTestId('job-quote-link').textContent()).toContain(quoteNumber);
    await screenshot(ops, 'jobs-01-summary');

    // 3b. ops1 takes the job: the assignee field offers the operations staff (GET /api/staff/jobs),
    //     found by name or username; the job opened with nobody on it.
    await expect(ops.getByTestId('job-assignees-chip').count()).resolves.toBe(0);
    await ops.getByTestId('job-assignees-input').fill('ops1');
    await ops.locator('[data-testid="job-assignees-option"]', { hasText: 'Nadia Gharbi' }).click();
    await expect
      .poll(() => ops.getByTestId('job-assignees-chip').allInnerTexts())
      .toEqual([expect.stringMatching(/Nadia Gharbi/)]);

    // 4. Carrier and vessel (pickers of the reference lists), saved with the job's version.
    await openTab(ops, /Transport/);
    await pick(ops, ops.getByTestId('job-carrier'), 'CMA', 'CMA CGM');
    await pick(ops, ops.getByTestId('job-vessel'), imo, `IMO ${imo}`);
    // The picked vessel names the job's ship (documents print the name).
    await expect.poll(() => ops.getByTestId('job-vessel-name').inputValue()).toBe(vesselName);
    await ops.getByTestId('job-voyage').fill('0MA3KN1MA');
    await ops.getByTestId('job-booking').fill(`BKG${stamp}`.toUpperCase());
    // A wrong MAWB check is not offered on a sea job; the B/L fields are.
    await expect(ops.getByTestId('job-mawbNumber').count()).resolves.toBe(0);
    await ops.getByTestId('job-mblNumber').fill(`CMDU${stamp}`.toUpperCase());
    // A cut-off typed in French, date then 24-hour time: a date without its time is not saved.
    await ops.getByTestId('job-cargoCutoffAt').fill('15/12/2026');
    await ops.getByTestId('job-save').click();
    const cutoffErrors = ops
      .locator('app-date-time-field')
      .filter({ has: ops.getByTestId('job-cargoCutoffAt') })
      .locator('.mat-mdc-form-field-error');
    await expect
      .poll(() => cutoffErrors.allTextContents())
      .toEqual([expect.stringContaining('aussi l’heure')]);
    await ops.getByTestId('job-cargoCutoffAt-time').fill('18h00');
    await ops.getByTestId('job-save').click();
    await expect.poll(() => ops.getByTestId('job-save').isDisabled(), { timeout: 15_000 }).toBe(true);
    await screenshot(ops, 'jobs-02-transport');

    // 5. Containers: a wrong ISO 6346 check digit is refused on the field; the right one is added.
    await openTab(ops, /Conteneurs/);
    await ops.getByTestId('container-number').fill('CSQU3054384');
    await pick(ops, ops.getByTestId('container-size-type'), '45G1', '(45G1)');
    await ops.getByTestId('container-tareKg').fill('3 800');
    await ops.getByTestId('container-grossKg').fill('21 500,5');
    await ops.getByTestId('container-save').click();
    // The field's own error slot (app-control-error carries matError).
    const numberField = ops.locator('mat-form-field', { has: ops.getByTestId('container-number') });
    await expect
      .poll(() => numberField.locator('.mat-mdc-form-field-error').allTextContents())
      .toContainEqual(expect.stringMatching(/ISO 6346/));
    await expect(ops.getByTestId('job-container-CSQU3054384').count()).resolves.toBe(0);
    await screenshot(ops, 'jobs-03-container-refused');
    // The error grows its field downwards: the row's inputs stay level.
    const top = async (testId: string) => (await ops.getByTestId(testId).boundingBox())?.y ?? Number.NaN;
    await ops.setViewportSize({ width: 1366, height: 900 });
    await expect.poll(() => top('container-seal')).toBeCloseTo(await top('container-number'), 0);
    await ops.setViewportSize({ width: 390, height: 844 });
    await ops.getByTestId('container-number').scrollIntoViewIfNeeded();
    await screenshot(ops, 'jobs-03b-container-refused-phone');
    await ops.setViewportSize({ width: 1440, height: 900 });
    await ops.getByTestId('container-number').fill('CSQU3054383');
    await ops.getByTestId('container-save').click();
    await ops.getByTestId('job-container-CSQU3054383').waitFor({ timeout: 15_000 });
    // The tare entered is in the summary with the gross weight, in French figures.
    expect(
      (await ops.getByTestId('job-container-CSQU3054383').getByTestId('job-container-summary').textContent())
        ?.replace(/\s+/g, ' ')
        .trim(),
    ).toBe('Tare 3 800 kg · Poids brut 21 500,5 kg');
    // The same box again: the API's refusal is worded in French on the field, not in a snack bar.
    await ops.getByTestId('container-number').fill('CSQU 305438-3');
    await pick(ops, ops.getByTestId('container-size-type'), '45G1', '(45G1)');
    await ops.getByTestId('container-save').click();
    await expect
      .poll(() => numberField.locator('.mat-mdc-form-field-error').allTextContents(), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/déjà sur le dossier/));
    expect(await ops.locator('mat-snack-bar-container').allTextContents()).not.toContainEqual(
      expect.stringMatching(/already on the job/),
    );
    await ops.getByTestId('container-number').fill('');

    // 6. Profit: planned from the quote (1 100 − 900 = 200 TND), then an actual cost typed the
    //    French way (450,5) goes to the actual column only: its margin is −450.500 TND (no actual
    //    sales yet, so not shown as a loss), the planned margin stays 200 TND — planned sales are
    //    never set against it.
    await openTab(ops, /Coûts/);
    await expect
      .poll(async () => digits(await ops.getByTestId('job-profit-margin-planned').textContent()), {
        timeout: 10_000,
      })
      .toBe('200000');
    await ops.getByTestId('charge-add-cost').click();
    await ops.getByTestId('charge-stage').click();
    await ops.locator('mat-option', { hasText: /^\s*Réel\s*$/ }).click();
    await ops.getByTestId('charge-description').fill('Fret maritime CMA CGM (facture)');
    await ops.getByTestId('charge-unit-price').fill('450,5');
    await ops.getByTestId('charge-save').click();
    await expect
      .poll(async () => digits(await ops.getByTestId('job-profit-cost-actual').textContent()), {
        timeout: 15_000,
      })
      .toBe('450500');
    // French formatting: decimal comma, millimes (3 decimals) for TND.
    expect(await ops.getByTestId('job-profit-margin-actual').textContent()).toMatch(/-\s?450,500 TND/);
    //    Costs without sales yet are not a loss: the figure stays neutral, a note says what is missing.
    expect(await ops.getByTestId('job-profit-margin-actual').getAttribute('class')).not.toMatch(/\bloss\b/);
    expect(await ops.getByTestId('job-profit-note-actual').textContent()).toMatch(
      /Ventes réelles pas encore saisies/,
    );
    expect(digits(await ops.getByTestId('job-profit-margin-planned').textContent())).toBe('200000');
    expect(digits(await ops.getByTestId('job-profit-revenue-actual').textContent())).toBe('0000');
    await screenshot(ops, 'jobs-04-costs-profit');

    // 7. On a phone at the port (390 px): departure then arrival, the status follows.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    contexts.push(phoneContext);
    const phone = await phoneContext.newPage();
    await logIn(phone, baseUrl, 'ops1', undefined, `/jobs?q=${encodeURIComponent(jobNumber)}`);
    await phone.getByTestId(`job-row-${jobNumber}`).waitFor({ timeout: 20_000 });
    // The list names the operator from the job directory.
    await expect
      .poll(() => phone.getByTestId(`job-row-${jobNumber}`).textContent(), { timeout: 10_000 })
      .toContain('Nadia Gharbi');
    expect(await scrollsSideways(phone)).toBe(false);
    await screenshot(phone, 'jobs-05-phone-list');
    await phone.getByTestId(`job-row-${jobNumber}`).locator('a').first().click();
    await phone.getByTestId('job-number').waitFor({ timeout: 20_000 });
    // Typing at the bottom of the transport tab, the save button is at hand: a bar at the bottom
    // of the screen (the header's is a screen above), gone once saved.
    // A field in error on another tab: the save shows that tab with the field under the cursor.
    const focused = () => phone.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    await openTab(phone, /Résumé/);
    await phone.getByTestId('job-grossWeightKg').fill('abc');
    await openTab(phone, /Transport/);
    await phone
      .getByTestId('job-save-bar')
      .getByRole('button', { name: /Enregistrer/ })
      .click();
    await expect.poll(focused).toBe('job-grossWeightKg');
    const weightBox = await phone.getByTestId('job-grossWeightKg').boundingBox();
    expect(weightBox?.y).toBeGreaterThan(0);
    expect((weightBox?.y ?? 844) + (weightBox?.height ?? 0)).toBeLessThan(844);
    await phone
      .getByTestId('job-save-bar')
      .getByRole('button', { name: /Annuler les modifications/ })
      .click();
    await openTab(phone, /Transport/);
    await phone.getByTestId('job-hblNumber').fill(`HBL${stamp}`.toUpperCase());
    const saveBar = phone.getByTestId('job-save-bar');
    const bar = await saveBar.boundingBox();
    expect((bar?.y ?? 0) + (bar?.height ?? 0)).toBeLessThanOrEqual(844);
    await saveBar.getByRole('button', { name: /Enregistrer/ }).click();
    await saveBar.waitFor({ state: 'detached', timeout: 15_000 });
    await openTab(phone, /Étapes/);
    await phone.getByTestId('milestone-kind-departed').click();
    // The date and time are typed in French: an impossible date or time is refused, not saved.
    const milestoneErrors = phone.getByTestId('milestone-entry').locator('.mat-mdc-form-field-error');
    await phone.getByTestId('milestone-at').fill('31/02/2026');
    await phone.getByTestId('milestone-at-time').fill('25:00');
    await phone.getByTestId('milestone-at-time').press('Tab');
    await expect
      .poll(() => milestoneErrors.allTextContents())
      .toEqual([expect.stringContaining('Date invalide'), expect.stringContaining('Heure invalide')]);
    await phone.getByTestId('milestone-save').click();
    expect(await phone.getByTestId('job-milestone-departed').count()).toBe(0);
    // The refused save puts the cursor in the first field in error.
    await expect.poll(focused).toBe('milestone-at');
    // A milestone records what happened: a departure in two days is refused on the field.
    const later = frenchDaysAgo(-2);
    await phone.getByTestId('milestone-at').fill(later.date);
    await phone.getByTestId('milestone-at-time').fill(later.time);
    await phone.getByTestId('milestone-at-time').press('Tab');
    await expect
      .poll(() => milestoneErrors.allTextContents())
      .toEqual([expect.stringContaining('pas de date future')]);
    await phone.getByTestId('milestone-save').click();
    expect(await phone.getByTestId('job-milestone-departed').count()).toBe(0);
    const departed = frenchDaysAgo(2);
    await phone.getByTestId('milestone-at').fill(departed.date);
    await phone.getByTestId('milestone-at-time').fill(departed.time.replace(':', 'h'));
    await phone.getByTestId('milestone-at-time').press('Tab');
    expect(await phone.getByTestId('milestone-at-time').inputValue()).toBe(departed.time);
    expect(await milestoneErrors.count()).toBe(0);
    await phone.getByTestId('milestone-place').fill('Marseille Fos');
    await phone.getByTestId('milestone-save').click();
    // Departure before booking and cargo receipt: the tab names the skipped milestones and asks.
    await expect
      .poll(() => phone.getByTestId('confirm-lines').locator('li').allTextContents(), { timeout: 10_000 })
      .toEqual([expect.stringMatching(/Réservé/), expect.stringMatching(/Marchandise reçue/)]);
    await screenshot(phone, 'jobs-06a-phone-milestone-skip');
    await phone.getByTestId('confirm').click();
    await phone.getByTestId('job-milestone-departed').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => phone.getByTestId('job-status').textContent(), { timeout: 15_000 })
      .toMatch(/transit/i);
    await phone.getByTestId('milestone-kind-arrived').click();
    await phone.getByTestId('milestone-place').fill('Radès');
    await phone.getByTestId('milestone-note').fill('Déchargé quai 7');
    await phone.getByTestId('milestone-save').click();
    await phone.getByTestId('confirm').click();
    await phone.getByTestId('job-milestone-arrived').waitFor({ timeout: 15_000 });
    await expect
      .poll(() => phone.getByTestId('job-status').textContent(), { timeout: 15_000 })
      .toMatch(/Arriv/);
    expect(await scrollsSideways(phone)).toBe(false);
    await screenshot(phone, 'jobs-06-phone-milestones');

    // ATD and ATA were set by the milestones.
    await openTab(phone, /Transport/);
    await expect.poll(() => phone.getByTestId('job-ata').textContent()).not.toMatch(/—/);
    expect(await phone.getByTestId('job-atd').textContent()).not.toMatch(/—/);
    // The list shows them in the ETD/ETA columns, marked as actual dates.
    await phone.goto(new URL(`/jobs?q=${encodeURIComponent(jobNumber)}`, baseUrl).toString());
    const listed = phone.getByTestId(`job-row-${jobNumber}`);
    await listed.waitFor({ timeout: 20_000 });
    expect(await listed.locator('.actual').allTextContents()).toEqual(['réel', 'réel']);
    await listed.locator('a').first().click();
    await phone.getByTestId('job-number').waitFor({ timeout: 20_000 });

    // 7b. Documents (desktop): ops1 uploads the B/L, a text renamed .pdf is refused by its
    //     content, and the history merges the milestones with the audit trail.
    await ops.reload();
    await ops.getByTestId('job-number').waitFor({ timeout: 20_000 });
    // The cut-off came back from the API as typed (an instant, shown in the browser's time zone).
    await openTab(ops, /Transport/);
    await expect.poll(() => ops.getByTestId('job-cargoCutoffAt').inputValue()).toBe('15/12/2026');
    expect(await ops.getByTestId('job-cargoCutoffAt-time').inputValue()).toBe('18:00');
    await openTab(ops, /Documents/);
    await ops.getByTestId('job-house-bill-pdf').waitFor();
    await ops.getByTestId('attachments-kind').click();
    await ops.locator('mat-option', { hasText: /Connaissement/ }).click();
    await ops.getByTestId('attachments-input').setInputFiles([
      { name: `BL-${stamp}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(MINIMAL_PDF) },
      { name: 'pas-un-pdf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('ceci est du texte') },
    ]);
    const blRow = ops.getByTestId('attachment-row').filter({ hasText: `BL-${stamp}.pdf` });
    await blRow.waitFor({ timeout: 15_000 });
    expect(await blRow.textContent()).toMatch(/Connaissement/);
    // Its date in French words ("7 déc. 2026"), not the ISO date.
    expect(await blRow.textContent()).toMatch(/\d{1,2} [a-zéû]+\.? \d{4}/);
    expect(await blRow.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await expect
      .poll(() => ops.getByTestId('attachments-upload-error').allTextContents(), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/Refusé/));
    expect(await ops.getByTestId('attachment-row').count()).toBe(1);
    await screenshot(ops, 'jobs-06b-documents');
    const download = ops.waitForEvent('download');
    await blRow.getByTestId('attachment-download').click();
    expect((await download).suggestedFilename()).toBe(`BL-${stamp}.pdf`);
    await openTab(ops, /Historique/);
    await ops
      .locator('[data-testid="timeline-item"][data-kind="milestone"]')
      .first()
      .waitFor({ timeout: 15_000 });
    await expect
      .poll(() => ops.getByTestId('timeline-item').allTextContents())
      .toContainEqual(expect.stringMatching(/Document ajouté/));
    await screenshot(ops, 'jobs-06c-history');
    // The same panel on the phone.
    await phone.reload();
    await phone.getByTestId('job-number').waitFor({ timeout: 20_000 });
    await openTab(phone, /Documents/);
    await phone.getByTestId('attachment-row').first().waitFor({ timeout: 15_000 });
    expect(await scrollsSideways(phone)).toBe(false);
    await screenshot(phone, 'jobs-06d-phone-documents');

    // 8. commercial1 sees the job of their client and its milestones, read-only; the list filters
    //    by the operations colleague running it.
    await sales.goto(`${baseUrl}/jobs`);
    await sales.getByTestId(`job-row-${jobNumber}`).waitFor({ timeout: 20_000 });
    await sales.getByTestId('jobs-filter-assigned').click();
    await sales.locator('mat-option', { hasText: 'Nadia Gharbi' }).click();
    await expect.poll(() => sales.url()).toContain('assignedTo=');
    // The demo jobs of commercial1's clients have no operator: only this one is left.
    await expect.poll(() => sales.locator('[data-testid^="job-row-"]').count(), { timeout: 15_000 }).toBe(1);
    await sales.getByTestId(`job-row-${jobNumber}`).waitFor();
    await screenshot(sales, 'jobs-07-commercial-list');
    await sales.getByTestId(`job-row-${jobNumber}`).locator('a').first().click();
    await sales.getByTestId('job-number').waitFor({ timeout: 20_000 });
    await openTab(sales, /Étapes/);
    await sales.getByTestId('job-milestone-arrived').waitFor();
    await sales.getByTestId('job-milestone-departed').waitFor();
    expect(await sales.getByTestId('milestone-entry').count()).toBe(0);
    expect(await sales.getByTestId('job-save').count()).toBe(0);
    expect(await sales.locator('[data-testid="job-milestones"] button').count()).toBe(0);
    await screenshot(sales, 'jobs-08-commercial-milestones');
    // …is told of them by a notification (the bell asks at once when opened)…
    await sales.getByTestId('notification-bell').click();
    const notice = sales.locator('[data-testid="notification-job-milestone"]', { hasText: jobNumber });
    await notice.first().waitFor({ timeout: 15_000 });
    expect(await notice.allTextContents()).toContainEqual(expect.stringMatching(/Arrivée · Radès/));
    await screenshot(sales, 'jobs-09-commercial-notification');
    await sales.keyboard.press('Escape');
    // …and reads the B/L but may not delete it.
    await openTab(sales, /Documents/);
    await sales.getByTestId('attachment-row').first().waitFor({ timeout: 15_000 });
    expect(await sales.getByTestId('attachment-delete').count()).toBe(0);
    expect(await sales.getByTestId('attachments-drop').count()).toBe(0);

    // 9. Delivered, then closing: the dialog lists what is still open (the planned sales never
    //    invoiced, the actual cost without a supplier invoice) and says closing is for good.
    await openTab(ops, /Étapes/);
    await ops.getByTestId('milestone-kind-delivered').click();
    await ops.getByTestId('milestone-save').click();
    await expect
      .poll(() => ops.getByTestId('confirm-lines').locator('li').allTextContents(), { timeout: 10_000 })
      .toEqual([/Réservé/, /Marchandise reçue/, /Dédouané/].map((re) => expect.stringMatching(re)));
    await ops.getByTestId('confirm').click();
    await ops.getByTestId('job-close').waitFor({ timeout: 15_000 });
    // On the phone: the costs card (planned beside actual) and the close dialog fit 390 px.
    await phone.reload();
    await phone.getByTestId('job-number').waitFor({ timeout: 20_000 });
    await openTab(phone, /Coûts/);
    await phone.getByTestId('job-profit-margin-actual').waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    await screenshot(phone, 'jobs-10-phone-costs');
    await phone.getByTestId('job-close').click();
    await phone.getByTestId('confirm-lines').waitFor({ timeout: 15_000 });
    expect(await scrollsSideways(phone)).toBe(false);
    await screenshot(phone, 'jobs-10-phone-close-dialog');
    await phone.keyboard.press('Escape');
    await ops.getByTestId('job-close').click();
    const open = ops.getByTestId('confirm-lines').locator('li');
    await expect
      .poll(() => open.allTextContents(), { timeout: 15_000 })
      .toEqual([
        expect.stringMatching(/Ventes prévues non facturées : 1\s100,000 TND/),
        expect.stringMatching(/sans facture fournisseur : 1/),
      ]);
    expect(await ops.getByTestId('confirm').textContent()).toMatch(/Clôturer définitivement/);
    await screenshot(ops, 'jobs-10-close-dialog');
    await ops.getByTestId('confirm').click();
    await expect
      .poll(() => ops.getByTestId('job-status').textContent(), { timeout: 15_000 })
      .toMatch(/Clôtur/);
    expect(blocked).toEqual([]);

    for (const context of contexts) await context.close();
  }, 300_000);
});
