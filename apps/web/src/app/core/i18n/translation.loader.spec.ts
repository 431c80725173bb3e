import { HttpClient } from '@angular/common/http';
import { EnvironmentInjector, Injector, createEnvironmentInjector } from '@angular/core';
import { TranslocoService, provideTransloco } from '@jsverse/transloco';
import { firstValueFrom, of } from 'rxjs';
import { describe, expect, it } from 'vitest';

import { appTranslocoConfig } from './i18n.providers';
import { TranslationLoader } from './translation.loader';

/** The app's Transloco over an HttpClient that records the files asked for (the network, not the code under test). */
function transloco() {
  const urls: string[] = [];
  const http = {
    get: (url: string) => {
      urls.push(url);
      return of({ title: url });
    },
  } as unknown as HttpClient;
  const injector = createEnvironmentInjector(
    [
      provideTransloco({ config: appTranslocoConfig(), loader: TranslationLoader }),
      { provide: HttpClient, useValue: http },
      // Root-provided in the app; this injector is no root one.
      TranslocoService,
    ],
    Injector.create({ providers: [] }) as EnvironmentInjector,
  );
  return { service: injector.get(TranslocoService), urls };
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
