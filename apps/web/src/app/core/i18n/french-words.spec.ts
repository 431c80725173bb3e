import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

const I18N = resolve(__dirname, '../../../../public/i18n');

/** Every French text file: the root one and one per scope. */
const frenchFiles = (): string[] => [
  'fr.json',
  ...readdirSync(I18N, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.name, 'fr.json')),
];

describe('French texts use the application’s words', () => {
  // A quote is a "cotation" everywhere in the French UI (menu, pages, notifications).
  it.each(frenchFiles())('%s never calls a quote "devis"', (file) => {
    const text = readFileSync(join(I18N, file), 'utf8');
    expect(text.match(/\bdevis\b/gi) ?? []).toEqual([]);
  });

  // A job's milestone is an "étape" (job tabs, audit log, notifications).
  it.each(frenchFiles())('%s never calls a milestone "jalon"', (file) => {
    const text = readFileSync(join(I18N, file), 'utf8');
    expect(text.match(/\bjalons?\b/gi) ?? []).toEqual([]);
  });
});
