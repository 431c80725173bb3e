import { describe, expect, it } from 'vitest';

import en from '../../../../../../public/i18n/jobs/en.json';
import fr from '../../../../../../public/i18n/jobs/fr.json';
import { containerSummary } from './container-summary';

/** Transloco's lookup over the real `jobs` files, with `{{ param }}` interpolation. */
const translator =
  (dictionary: object) =>
  (key: string, params: Record<string, unknown> = {}): string => {
    let node: unknown = dictionary;
    for (const part of key.replace(/^jobs\./, '').split('.')) {
      node = (node as Record<string, unknown> | undefined)?.[part];
    }
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };

const box = { tareKg: '2200.000', grossKg: '21500.500', vgmKg: '23700.500', packages: 1200 };

describe('container summary', () => {
  it('shows the tare with the other weights, formatted the reader’s way', () => {
    expect(containerSummary(box, translator(fr), 'fr')).toBe(
      'Tare 2\u202f200 kg · Poids brut 21\u202f500,5 kg · VGM 23\u202f700,5 kg · 1\u202f200 colis',
    );
    expect(containerSummary(box, translator(en), 'en')).toBe(
      'Tare 2,200 kg · Gross 21,500.5 kg · VGM 23,700.5 kg · 1,200 packages',
    );
  });

  it('leaves out what was not entered, with no dangling separator', () => {
    const only = { tareKg: '2200.000', grossKg: null, vgmKg: null, packages: null };
    expect(containerSummary(only, translator(fr), 'fr')).toBe('Tare 2\u202f200 kg');
    const none = { tareKg: null, grossKg: null, vgmKg: '23700.500', packages: 0 };
    expect(containerSummary(none, translator(en), 'en')).toBe('VGM 23,700.5 kg · 0 packages');
  });
});
