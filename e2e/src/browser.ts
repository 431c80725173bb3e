// One Chromium per test file, from Debian's package (no browser download is possible here).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ARTIFACTS = new URL('../artifacts', import.meta.url).pathname;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * One browser for the tests of a describe block: launched before them, closed after; call inside
 * it. The returned object stands for that browser (`browser.newContext()`, `browser.newPage()`).
 */
export function browserForSuite(): Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return new Proxy({} as Browser, {
    get(_target, key) {
      if (!browser) throw new Error('the suite browser is launched in beforeAll');
      const value: unknown = Reflect.get(browser, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(browser) : value;
    },
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Collects the Content-Security-Policy violations the page reports (Chromium logs each one as a
 * console error), so a journey can assert the served policy did not block anything it needed.
 */
export function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}
