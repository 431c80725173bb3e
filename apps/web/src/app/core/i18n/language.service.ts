import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { Observable, Subject, firstValueFrom } from 'rxjs';

import { APP_LANGS, AppLang, DEFAULT_LANG, isAppLang } from './languages';
import { setNumberLanguage } from './number-language';

/** localStorage key of the chosen UI language (a display preference, nothing secret). */
export const LANG_STORAGE_KEY = 'velosi.lang';

/** A change of UI language, from the language the page was in to the new one. */
export interface LanguageSwitch {
  readonly from: AppLang;
  readonly to: AppLang;
}

/**
 * Active UI language: switches Transloco at runtime, mirrors it on `<html lang>` and on the number
 * language decimals are read in (setNumberLanguage), remembers it.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  readonly languages = APP_LANGS;
  private readonly activeLang = signal<AppLang>(DEFAULT_LANG);
  readonly active = this.activeLang.asReadonly();
  private readonly switches = new Subject<LanguageSwitch>();
  /**
   * Each switch, emitted synchronously once the number language is the new one: the decimals of
   * the forms are rewritten before anything else reads them (provideDecimalLanguage).
   */
  readonly switched: Observable<LanguageSwitch> = this.switches.asObservable();

  /** Applies the remembered language and loads its translations before the first render. */
  init(): Promise<unknown> {
    const lang = this.readStoredLang() ?? DEFAULT_LANG;
    this.apply(lang);
    return firstValueFrom(this.transloco.load(lang));
  }

  use(lang: AppLang): void {
    const from = this.activeLang();
    if (lang === from) return;
    this.apply(lang);
    this.switches.next({ from, to: lang });
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Storage can be disabled (private mode, policy): the switch still works for this visit.
    }
  }

  private apply(lang: AppLang): void {
    this.activeLang.set(lang);
    setNumberLanguage(lang);
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = lang;
  }

  private readStoredLang(): AppLang | null {
    try {
      const stored = localStorage.getItem(LANG_STORAGE_KEY);
      return isAppLang(stored) ? stored : null;
    } catch {
      return null;
    }
  }
}
