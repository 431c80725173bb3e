import { createRequire } from 'node:module';
import type { Country, Currency } from '@velosi/contracts';

// ISO data packages (CommonJS): country codes and names from i18n-iso-countries, the ISO 4217 list
// and minor units from currency-codes (see README "Reference data").
const require = createRequire(import.meta.url);

interface CountriesLib {
  registerLocale(locale: unknown): void;
  getNames(lang: string, options?: { select: 'official' }): Record<string, string>;
}
interface CurrencyEntry {
  code: string;
  digits: number;
  currency: string;
}

function loadCountries(): Country[] {
  const lib = require('i18n-iso-countries') as CountriesLib;
  lib.registerLocale(require('i18n-iso-countries/langs/fr.json'));
  lib.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const fr = lib.getNames('fr', { select: 'official' });
  const en = lib.getNames('en', { select: 'official' });
  return Object.keys(en)
    .map((code) => ({ code, nameFr: fr[code] ?? en[code] ?? code, nameEn: en[code] ?? code }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * No invoicing currencies: test and precious-metal codes (XTS, XAU …) and the ISO 4217 fund codes,
 * units of account beside a country's money (CHE "WIR euro", COU, CLF …) — typing "EUR" in a picker
 * offered "euro WIR (CHE)" first, and a payment was recorded in it.
 */
const NOT_MONEY = new Set([
  'BOV',
  'CHE',
  'CHW',
  'CLF',
  'COU',
  'MXV',
  'USN',
  'UYI',
  'UYW',
  'XAG',
  'XAU',
  'XBA',
  'XBB',
  'XBC',
  'XBD',
  'XDR',
  'XPD',
  'XPT',
  'XSU',
  'XTS',
  'XUA',
  'XXX',
]);

function loadCurrencies(): Currency[] {
  const list = (require('currency-codes') as { data: CurrencyEntry[] }).data;
  // currency-codes has English names only; the runtime's ICU data gives the French ones.
  const french = new Intl.DisplayNames(['fr'], { type: 'currency' });
  return list
    .filter((entry) => !NOT_MONEY.has(entry.code) && /^[A-Z]{3}$/.test(entry.code))
    .map((entry) => ({
      code: entry.code,
      nameFr: french.of(entry.code) ?? entry.currency,
      nameEn: entry.currency,
      digits: Math.min(4, Math.max(0, entry.digits)),
    }));
}

let countries: Country[] | undefined;
let currencies: Currency[] | undefined;

/** ISO 3166-1 countries (loaded once, on first use). */
export function isoCountries(): Country[] {
  countries ??= loadCountries();
  return countries;
}

/** ISO 4217 currencies (loaded once, on first use). */
export function isoCurrencies(): Currency[] {
  currencies ??= loadCurrencies();
  return currencies;
}

export function isCountryCode(code: string): boolean {
  return isoCountries().some((country) => country.code === code);
}

export function isCurrencyCode(code: string): boolean {
  return isoCurrencies().some((currency) => currency.code === code);
}
