#!/usr/bin/env node
// Bytes a browser downloads on a first visit of the SPA (empty cache), then on a reload, counted
// on the wire (Chromium's encodedDataLength: headers + body as transferred) for the app's origin.
// Usage: node bench/first-load.mjs http://localhost:3000 [path=/]
// Before/after figures of issue 7 (precompressed assets) are in bench/README.md.
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:3000';
const path = process.argv[3] ?? '/';
const origin = new URL(base).origin;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map();
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => {
    if (!urls.get(e.requestId)?.startsWith(origin)) return;
    bytes += e.encodedDataLength;
    requests += 1;
  });
  const visit = async (label, go) => {
    bytes = 0;
    requests = 0;
    await go();
    await page.waitForLoadState('networkidle');
    console.log(`${label}: ${requests} requests, ${(bytes / 1024).toFixed(1)} kB transferred`);
  };
  await visit('first load', () => page.goto(new URL(path, base).toString()));
  await visit('reload', () => page.reload());
} finally {
  await browser.close();
}
