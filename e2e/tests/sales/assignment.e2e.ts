import { describe, expect, inject, it } from 'vitest';
import { cspViolations, browserForSuite, screenshot } from '../../src/browser.js';
import { openDialog, submitDialog } from '../../src/dialogs.js';
import { logIn } from '../../src/session.js';

// Visibility follows assignment (docs/rules.md): sharing a prospect with a colleague in the form is
// what makes it appear in their list, and it stays invisible to the others.
describe('assigning a prospect to a colleague', () => {
  const baseUrl = inject('baseUrl');
  const browser = browserForSuite();

  it('commercial1 shares a new lead with commercial2, who then finds it; admin sees it too', async () => {
    const stamp = Date.now().toString(36);
    const name = `Handover ${stamp}`;

    const owner = await (await browser.newContext()).newPage();
    const blocked = cspViolations(owner);
    await logIn(owner, baseUrl, 'commercial1', undefined, '/leads');
    await openDialog(owner, owner.getByTestId('lead-create'));
    await owner.getByTestId('lead-fullName').fill(name);
    // The directory offers colleagues by name (commercial2 is Karim in the demo users).
    await owner.getByTestId('lead-assignees-input').fill('Kar');
    await owner.locator('[data-testid="lead-assignees-option"]', { hasText: 'Karim' }).click();
    await expect.poll(() => owner.getByTestId('lead-assignees-chip').allInnerTexts()).toHaveLength(2);
    await screenshot(owner, '30-lead-shared');
    await submitDialog(owner, owner.getByTestId('lead-form-submit'), 'lead-shared');
    await owner.getByTestId('lead-detail').waitFor();
    const leadId = owner.url().split('/').pop() ?? '';
    expect(leadId).toMatch(/^[0-9a-f-]{36}$/);
    expect(blocked).toEqual([]);

    const colleague = await (await browser.newContext()).newPage();
    await logIn(colleague, baseUrl, 'commercial2', undefined, '/leads');
    await colleague.getByTestId('leads-search').fill(stamp);
    await colleague.getByTestId(`lead-row-${leadId}`).waitFor({ timeout: 15_000 });
    await screenshot(colleague, '31-lead-seen-by-colleague');

    // ADMIN sees every record, shared or not.
    const admin = await (await browser.newContext()).newPage();
    await logIn(admin, baseUrl, 'admin', undefined, `/leads/${leadId}`);
    await admin.getByTestId('lead-detail').waitFor();
  });
});
