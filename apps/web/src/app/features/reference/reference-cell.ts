import { formatPercent, formatQuantity } from '../../shared/sales/money';
import { formatLocalDate } from '../../shared/ui/local-date.pipe';
import type { ReferenceView } from './reference-objects';

/**
 * A table cell as text, the way the form shows the value: dates in the UI language, choices in
 * words (`reference.options.<key>.<value>`), decimals grouped the language's way, numeric choices
 * (VAT rates) as locale percents,
 * booleans as yes/no, lists joined.
 */
export function referenceCell(
  view: ReferenceView,
  value: unknown,
  column: string,
  translate: (path: string) => string,
  lang: string,
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return translate(value ? 'reference.yes' : 'reference.no');
  const field = [...view.fields, ...(view.shown ?? [])].find((f) => f.key === column);
  if (field?.kind === 'date' && typeof value === 'string') return formatLocalDate(value, lang);
  // A rate or a TEU count with its significant decimals, as typed and as the PDFs print them
  // ("3,4125", "3,39", "2"), not as stored ("3.412500", "2.00").
  if (field?.kind === 'decimal' && typeof value === 'string') return formatQuantity(value, lang);
  const numericChoices = typeof field?.options?.[0] === 'number';
  const label = (v: unknown): string => {
    if (!field?.options) return String(v);
    return numericChoices
      ? formatPercent(v as string | number, lang)
      : translate(`reference.options.${column}.${String(v)}`);
  };
  return Array.isArray(value) ? value.map(label).join(', ') : label(value);
}
