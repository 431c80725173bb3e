import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { Observable, shareReplay } from 'rxjs';

/**
 * Loads `i18n/<lang>.json` from next to index.html. The files keep a stable name across builds,
 * so ask the browser to revalidate (`no-cache` → a cheap 304 when unchanged) rather than trust a
 * stale copy after a deployment.
 *
 * One request per file and boot: with a fallback translation (i18n.providers.ts), Transloco loads a
 * scope in the fallback language twice at once — as the file asked for and as its own fallback
 * (`sales/fr` is not the fallback language `fr` to it) — so both calls share one request. A failed
 * request is not kept (Transloco's retry asks again).
 */
@Injectable({ providedIn: 'root' })
export class TranslationLoader implements TranslocoLoader {
  private readonly http = inject(HttpClient);
  private readonly requests = new Map<string, Observable<Translation>>();

  getTranslation(lang: string): Observable<Translation> {
    let request = this.requests.get(lang);
    if (!request) {
      request = this.http.get<Translation>(`i18n/${lang}.json`, { cache: 'no-cache' }).pipe(shareReplay(1));
      this.requests.set(lang, request);
    }
    return request;
  }
}
