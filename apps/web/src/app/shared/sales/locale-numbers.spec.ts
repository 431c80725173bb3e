import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';
import { formatQuantity } from './money';

const APP = resolve(__dirname, '../..');

/** Every template (.html) and component (.ts, inline templates) of the SPA, specs excepted. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(html|ts)$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Decimal fields of the API (exact decimal strings with a "." point) a template must not print
 * as they come: "3.350000" instead of "3,35" on a French page.
 */
const FIELD = String.raw`[\w?.]*\.(?:exchangeRate|grossKg|vgmKg|grossWeightKg|volumeM3)`;
const RAW_DECIMAL = new RegExp(
  [
    String.raw`\{\{\s*${FIELD}\s*\}\}`,
    String.raw`rate:\s*${FIELD}\s*[,}]`,
    String.raw`\+\s*${FIELD}\s*\+`,
  ].join('|'),
);

describe('decimal numbers are written the language’s way', () => {
  it('exchange rates keep their stored decimals, without trailing zeros', () => {
    expect(formatQuantity('3.350000', 'fr')).toBe('3,35');
    expect(formatQuantity('3.350000', 'en')).toBe('3.35');
    expect(formatQuantity('3.123456', 'fr')).toBe('3,123456');
  });

  it('no template prints an exchange rate, weight or volume unformatted', () => {
    const offenders = sources(APP).filter((file) => RAW_DECIMAL.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(APP, file))).toEqual([]);
  });

  it('no component writes a number with toFixed (a "." in French)', () => {
    const offenders = sources(APP).filter((file) => /\.toFixed\(/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(APP, file))).toEqual([]);
  });
});
