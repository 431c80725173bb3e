import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';

/**
 * Loads `i18n/<lang>.json` from next to index.html. The files keep a stable name across builds,
 * so ask the browser to revalidate (`no-cache` → a cheap 304 when unchanged) rather than trust a
 * stale copy after a deployment.
 */
@Injectable({ providedIn: 'root' })
export class TranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);

  getTranslation(lang: string) {
    return this.http.get<Translation>(`i18n/${lang}.json`, { cache: 'no-cache' });
  }
}
