import { EnvironmentProviders, Provider, inject, isDevMode, provideAppInitializer } from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { TranslocoOptions, provideTransloco } from '@jsverse/transloco';

import { LanguageService } from './language.service';
import { APP_LANGS, DEFAULT_LANG } from './languages';
import { TranslatedTitleStrategy } from './translated-title.strategy';
import { TranslationLoader } from './translation.loader';

/** Transloco's settings: a key missing in English shows the French text (the fallback translation). */
export function appTranslocoConfig(): TranslocoOptions['config'] {
  return {
    availableLangs: [...APP_LANGS],
    defaultLang: DEFAULT_LANG,
    fallbackLang: DEFAULT_LANG,
    reRenderOnLangChange: true,
    prodMode: !isDevMode(),
    missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
  };
}

/**
 * Runtime i18n with Transloco: one build for every locale, switchable without a reload (Angular's
 * built-in i18n compiles one bundle per locale and needs a reload to switch).
 */
export function provideI18n(): (Provider | EnvironmentProviders)[] {
  return [
    provideTransloco({ config: appTranslocoConfig(), loader: TranslationLoader }),
    provideAppInitializer(() => inject(LanguageService).init()),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ];
}
