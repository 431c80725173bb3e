/**
 * Display of a decimal string ("1234567.500") with the language's digit grouping, without going
 * through a JS number (amounts are exact decimals, docs/rules.md).
 */
export function formatDecimal(value: string | null | undefined, lang: string): string {
  if (value === null || value === undefined || value === '') return '';
  const negative = value.startsWith('-');
  const [int = '0', frac] = (negative ? value.slice(1) : value).split('.');
  const group = lang === 'fr' ? '\u202f' : ',';
  const point = lang === 'fr' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${frac ? point + frac : ''}`;
}

/** "1 250,500 EUR" */
export function formatMoney(
  money: { amount: string; currency: string } | null | undefined,
  lang: string,
): string {
  return money ? `${formatDecimal(money.amount, lang)} ${money.currency}` : '';
}

/**
 * A rate given in points (`"99.83"`, VAT `19`), the language's way: `99.83%` in English, `99,83 %`
 * in French (Intl places the sign and its space). `places` fixes the decimals; without it, up to 2.
 */
export function formatPercent(
  value: string | number | null | undefined,
  lang: string,
  places?: number,
): string {
  if (value === null || value === undefined || value === '') return '—';
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: places ?? 0,
    maximumFractionDigits: places ?? 2,
  }).format(Number(value) / 100);
}
