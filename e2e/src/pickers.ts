// Choosing in the app's search pickers (shared/ui/record-picker): type a code or a word of the
// name, wait for the matching option of the autocomplete, pick it. The panel lives in the overlay,
// outside the field's row, hence the page-wide option locator.
import type { Locator, Page } from 'playwright-core';

/**
 * Types `query` into the picker `field` (its input, found by `data-testid`), waits for the option
 * containing `option`, selects it with `select` and waits for the panel to close; returns the
 * text the field then shows.
 */
async function choose(
  page: Page,
  field: Locator,
  query: string,
  option: string | RegExp,
  select: (choice: Locator) => Promise<void>,
): Promise<string> {
  const testId = (await field.getAttribute('data-testid')) ?? '';
  // Focus, not click: the floating label of an empty Material field covers its input.
  await field.focus();
  await field.fill(query);
  const choice = page.locator(`[data-testid="${testId}-option"]`, { hasText: option }).first();
  await choice.waitFor();
  await select(choice);
  await page.locator('.mat-mdc-autocomplete-panel').waitFor({ state: 'detached' });
  return field.inputValue();
}

/**
 * Types `query` into the picker `field` and clicks the option containing `option` ("(TNRDS)");
 * returns the text the field then shows ("Radès (TNRDS)").
 */
export function pick(page: Page, field: Locator, query: string, option: string | RegExp): Promise<string> {
  return choose(page, field, query, option, (choice) => choice.click());
}

/** Same, from the keyboard only: type, arrow down to the first match, Enter. */
export function pickWithKeyboard(
  page: Page,
  field: Locator,
  query: string,
  option: string | RegExp,
): Promise<string> {
  return choose(page, field, query, option, async () => {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  });
}
