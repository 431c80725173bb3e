// Scenario 7: what the browser downloads. Initial JS from the build (main + the chunks index.html
// preloads), compressed as served; then, in Chromium on the stack `npm start` runs, the time from
// the login click to the dashboard being interactive, and the JS each section loads on first visit.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO } from '../lib/stack.mjs';
import { performance } from 'node:perf_hooks';

const DIST = join(REPO, 'apps/web/dist/browser');
const SECTIONS = [
  '/leads',
  '/opportunities',
  '/activities',
  '/quotes',
  '/jobs',
  '/clients',
  '/reference',
  '/admin',
];
const kb = (bytes) => Math.round(bytes / 102.4) / 10;

async function sizeOf(file, ext = '') {
  try {
    return (await stat(join(DIST, file + ext))).size;
  } catch {
    return (await stat(join(DIST, file))).size;
  }
}

/** Bytes of the JS and CSS that index.html loads before anything else, raw and Brotli. */
export async function initialAssets() {
  const html = await readFile(join(DIST, 'index.html'), 'utf8');
  const js = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]);
  const css = [...html.matchAll(/href="([^"]+\.css)"/g)].map((m) => m[1]);
  const sum = async (files, ext) =>
    (await Promise.all(files.map((f) => sizeOf(f, ext)))).reduce((a, b) => a + b, 0);
  const lazy = (await readdir(DIST)).filter((f) => f.endsWith('.js') && !js.includes(f));
  return {
    initialJsFiles: js.length,
    initialJsKiB: kb(await sum(js)),
    initialJsBrKiB: kb(await sum(js, '.br')),
    cssBrKiB: kb(await sum(css, '.br')),
    lazyChunks: lazy.length,
    lazyBrKiB: kb(await sum(lazy, '.br')),
  };
}

/** Login click → dashboard shown and the network idle; then the JS bytes of each section's first visit. */
export async function browserTimings(base, username, password) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const types = new Map();
    let jsBytes = 0;
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
    });
    await page.goto(base);
    await page.waitForURL(/\/realms\/ERP_Velosi\//, { timeout: 30_000 });
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(password);
    const clicked = performance.now();
    await page.locator('#kc-login').click();
    await page.getByTestId('app-shell').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const loginToDashboardMs = Math.round(performance.now() - clicked);
    const firstLoadJsKiB = kb(jsBytes);
    const sections = [];
    for (const path of SECTIONS) {
      const link = page.locator(`a[href="${path}"]`).first();
      if (!(await link.count())) continue;
      jsBytes = 0;
      await link.click();
      await page.waitForURL((url) => url.pathname.startsWith(path));
      await page.waitForLoadState('networkidle');
      sections.push({ title: `first visit of ${path}`, jsTransferredKiB: kb(jsBytes) });
    }
    return { loginToDashboardMs, firstLoadJsKiB, sections };
  } finally {
    await browser.close();
  }
}
