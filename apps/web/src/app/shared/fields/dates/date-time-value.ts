/**
 * The text of a date-and-time field's two parts ↔ the value its form control holds: the local
 * `yyyy-MM-ddTHH:mm` of a `datetime-local` input, which the forms turn into an instant with
 * localInputToIso (shared/sales/form-problem).
 */

/** `14:30`, `9:05`, `14h30`, `14h`, `14`, `14.30`, and digits only as a phone's number pad types them (`1430`, `930`). */
const TIME_TEXT = /^(\d{1,2})(?:[:hH.](\d{2})?)?$/;
const DIGITS_TIME = /^(\d{1,2})(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

/**
 * A time typed in 24-hour form → `HH:mm`; null for an empty field; `undefined` when refused
 * (`25:00`, `12:60`, `2pm`…) rather than read as some other time.
 */
export function parseTimeText(text: string): string | null | undefined {
  const value = text.trim();
  if (value === '') return null;
  const match = TIME_TEXT.exec(value) ?? DIGITS_TIME.exec(value);
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? 0);
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * The control's value from a date (`yyyy-MM-dd`) and a time (`HH:mm`): `''` when both are empty,
 * `undefined` when only one is given (a date without its time is not an instant).
 */
export function joinDateTime(date: string | null, time: string | null): string | undefined {
  if (date === null && time === null) return '';
  if (date === null || time === null) return undefined;
  return `${date}T${time}`;
}

/** The date and time parts of a control's value; both empty when it holds no local date-time. */
export function splitDateTime(value: string | null | undefined): { date: string | null; time: string } {
  const match = LOCAL_DATE_TIME.exec(value ?? '');
  return match ? { date: match[1] ?? null, time: match[2] ?? '' } : { date: null, time: '' };
}
