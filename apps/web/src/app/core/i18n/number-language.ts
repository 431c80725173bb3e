import { AppLang, DEFAULT_LANG } from './languages';

/**
 * The language decimals are typed in: the one the UI shows. A plain module variable rather than an
 * injected service because its readers (normalizeDecimal, decimalValidator) are pure functions
 * called from validators, form models and submit mappers that have no injector; threading a `lang`
 * argument through the ~30 call sites would let one forgotten call read a decimal the other way.
 * LanguageService is its only writer, on start-up and on every switch, before the forms' decimals
 * are rewritten (provideDecimalLanguage), so every reader sees the language the inputs show.
 */
let active: AppLang = DEFAULT_LANG;

export function numberLanguage(): AppLang {
  return active;
}

export function setNumberLanguage(lang: AppLang): void {
  active = lang;
}
