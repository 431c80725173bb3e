// Submitting a Material dialog form and waiting for it to close. When it stays open, the failure
// names what the user would see (field errors, snack-bar message) and saves a screenshot, so a CI
// log alone says why — a bare "locator still visible" timeout says nothing.
import type { Locator, Page } from 'playwright-core';
import { screenshot } from './browser.js';

/**
 * Opens a dialog and waits until Material has moved focus into it. Material focuses the dialog's
 * first field only when its opening animation ends; filling fields before that can send the text
 * of a later field into the first one (seen under CI load: the password typed into "username").
 */
export async function openDialog(page: Page, trigger: Locator): Promise<Locator> {
  await trigger.click();
  const dialog = page.locator('mat-dialog-container');
  await dialog.waitFor();
  await page.waitForFunction(() => {
    const container = document.querySelector('mat-dialog-container');
    const focused = document.activeElement;
    return !!container && !!focused && focused !== container && container.contains(focused);
  });
  return dialog;
}

export async function submitDialog(
  page: Page,
  submit: Locator,
  name: string,
  timeout = 30_000,
): Promise<void> {
  const dialog = page.locator('mat-dialog-container');
  await submit.click();
  try {
    await dialog.waitFor({ state: 'detached', timeout });
  } catch {
    const fieldErrors = await dialog.locator('mat-error, .mat-mdc-form-field-error').allInnerTexts();
    const snack = await page.locator('.mat-mdc-snack-bar-label').allInnerTexts();
    const shot = await screenshot(page, `failure-${name}`);
    throw new Error(
      `dialog "${name}" still open after ${timeout} ms; field errors: ${JSON.stringify(fieldErrors)}; ` +
        `message: ${JSON.stringify(snack)}; screenshot: ${shot}`,
    );
  }
}

/** Picks options of a multiple mat-select, then closes its panel and waits until it is gone. */
export async function pickOptions(
  page: Page,
  select: Locator,
  optionTestIds: readonly string[],
): Promise<void> {
  await select.click();
  for (const id of optionTestIds) {
    const option = page.getByTestId(id);
    await option.click();
    await option.and(page.locator('[aria-selected="true"]')).waitFor();
  }
  await page.keyboard.press('Escape');
  await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
}
