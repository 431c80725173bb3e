// Codes the runtime's ICU data knows (Node and the browsers ship it): what a picker could not
// have offered is refused instead of stored ("Not/AZone" as a port's time zone, "XXX" rates).
let currencies: ReadonlySet<string> | undefined;

/**
 * An IANA time zone (`Africa/Tunis`, `UTC`), old names too (`Asia/Calcutta`): what the runtime can
 * format a date in. `Intl.supportedValuesOf` lists the canonical names only, so it is not asked.
 */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * An ISO 4217 money in use: ICU leaves out the test, fund and metal codes (XXX, XTS, XAU…). Text
 * that is no code at all passes: the code's own format check already refused it, once.
 */
export function isCurrencyInUse(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return true;
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}
