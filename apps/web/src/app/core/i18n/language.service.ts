import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';

import { APP_LANGS, AppLang, DEFAULT_LANG, isAppLang } from './languages';

/** localStorage key of the chosen UI language (a display preference, nothing secret). */
export const LANG_STORAGE_KEY = 'velosi.lang';

/** Active UI language: switches Transloco at runtime, mirrors it on `<html lang>`, remembers it. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);

  readonly languages = APP_LANGS;
  private readonly activeLang = signal<AppLang>(DEFAULT_LANG);
  readonly active = this.activeLang.asReadonly();

  /** Applies the remembered language and loads its translations before the first render. */
  init(): Promise<unknown> {
    const lang = this.readStoredLang() ?? DEFAULT_LANG;
    this.apply(lang);
    return firstValueFrom(this.transloco.load(lang));
  }

  use(lang: AppLang): void {
    if (lang === this.activeLang()) return;
    this.apply(lang);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Storage can be disabled (private mode, policy): the switch still works for this visit.
    }
  }

  private apply(lang: AppLang): void {
    this.activeLang.set(lang);
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
