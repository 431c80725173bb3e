import { HttpClient } from '@angular/common/http';
import { EnvironmentInjector, Injector, createEnvironmentInjector } from '@angular/core';
import { TranslocoService, provideTransloco } from '@jsverse/transloco';
import { Observable } from 'rxjs';

import { appTranslocoConfig } from './i18n.providers';
import { TranslationLoader } from './translation.loader';

/**
 * For Node specs: the app's Transloco (settings and loader) over an HttpClient whose GET is
 * `get` (`url` is `i18n/<lang>.json`), in an injector of its own.
 */
export function appTransloco(get: (url: string) => Observable<unknown>): TranslocoService {
  const injector = createEnvironmentInjector(
    [
      provideTransloco({ config: appTranslocoConfig(), loader: TranslationLoader }),
      { provide: HttpClient, useValue: { get } as unknown as HttpClient },
      // Root-provided in the app; this injector is no root one.
      TranslocoService,
    ],
    Injector.create({ providers: [] }) as EnvironmentInjector,
  );
  return injector.get(TranslocoService);
}
