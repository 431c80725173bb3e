import { firstValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';

import { appTransloco } from './app-transloco.testing';

/** The app's Transloco over an HttpClient that records the files asked for (the network, not the code under test). */
function transloco() {
  const urls: string[] = [];
  const service = appTransloco((url) => {
    urls.push(url);
    return of({ title: url });
  });
  return { service, urls };
}

describe('TranslationLoader with the app’s Transloco settings', () => {
  it('fetches each translation file once, a scope in French included (it is its own fallback)', async () => {
    const { service, urls } = transloco();
    await firstValueFrom(service.load('fr'));
    await firstValueFrom(service.load('sales/fr'));
    await firstValueFrom(service.load('sales/fr'));
    expect(urls).toEqual(['i18n/fr.json', 'i18n/sales/fr.json']);
  });

  it('fetches an English scope and its French fallback once each', async () => {
    const { service, urls } = transloco();
    await firstValueFrom(service.load('en'));
    await firstValueFrom(service.load('quotes/en'));
    expect(urls.sort()).toEqual([
      'i18n/en.json',
      'i18n/fr.json',
      'i18n/quotes/en.json',
      'i18n/quotes/fr.json',
    ]);
  });
});
