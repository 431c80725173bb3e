// What several journeys check on any page: the UI language, sideways scrolling, money formats.
import type { Locator, Page } from 'playwright-core';

/** Digits only, so "649 500" (fr) and "649,500" (en) compare alike. */
export const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');

/** Whether the page scrolls sideways (a 390 px phone must not). */
export const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

/**
 * Whether an element is cut sideways although the page is not: past the window's right edge, or
 * inside a box that scrolls it (a table wider than its card, behind the card's own scrollbar).
 */
export const cutSideways = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .first()
    .evaluate((el) => {
      if (el.getBoundingClientRect().right > window.innerWidth + 1) return true;
      for (let box = el.parentElement; box; box = box.parentElement) {
        const clips = getComputedStyle(box).overflowX !== 'visible';
        if (clips && box.scrollWidth > box.clientWidth + 1) return true;
      }
      return false;
    });

/**
 * How a table row reads on a phone (the phone-cards mixin): `card` when its table's header row is
 * hidden and the row is one block inside the window; `amountsRight` when every amount (`td.num`)
 * ends at the card's right edge, its label on the left.
 */
export const rowAsCard = (row: Locator) =>
  row.evaluate((tr) => {
    const head = tr.closest('table')?.querySelector('thead tr');
    const card =
      getComputedStyle(tr).display === 'block' &&
      !!head &&
      getComputedStyle(head).display === 'none' &&
      tr.getBoundingClientRect().right <= window.innerWidth + 1;
    const amountsRight = [...tr.querySelectorAll('td.num')].every((td) => {
      const value = document.createRange();
      value.selectNodeContents(td);
      const contentRight = td.getBoundingClientRect().right - parseFloat(getComputedStyle(td).paddingRight);
      return Math.abs(value.getBoundingClientRect().right - contentRight) <= 2;
    });
    return { card, amountsRight };
  });

/** Picks the UI language: the top bar's FR | EN toggle, or the user menu on a phone (toggle hidden). */
export async function useLanguage(page: Page, lang: 'fr' | 'en'): Promise<void> {
  const toggle = page.getByTestId('lang-switch');
  if (await toggle.isVisible()) {
    await toggle.locator(`mat-button-toggle[lang="${lang}"] button`).click();
  } else {
    await page.getByTestId('user-menu').click();
    await page.locator(`button[role="menuitemradio"][lang="${lang}"]`).click();
  }
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
}

/**
 * Chooses `option` in a Material select and waits for its panel to be gone: a select clicked while
 * its panel still closes from the last choice does not open (seen under CI load).
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  const panel = page.getByRole('listbox');
  await panel.waitFor();
  await panel.getByRole('option', { name: option, exact: true }).click();
  await panel.waitFor({ state: 'detached' });
}

// Grouped thousands and 3 decimals: `1 234,500 TND` (any space kind) in French, `1,234.500 TND` in English.
export const FRENCH_TND = /^\d{1,3}([\s\u00a0\u202f]\d{3})*,\d{3} TND$/;
export const ENGLISH_TND = /^\d{1,3}(,\d{3})*\.\d{3} TND$/;
