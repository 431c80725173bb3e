import { Injector, runInInjectionContext } from '@angular/core';
import { describe, expect, it } from 'vitest';

import { ISO_DATE_FORMATS, IsoDateAdapter, numericDateOrder, parseDateText } from './iso-date-adapter';

// NativeDateAdapter (which the adapter delegates to) reads its optional locale token with inject().
function adapter(lang: 'fr' | 'en'): IsoDateAdapter {
  const created = runInInjectionContext(Injector.create({ providers: [] }), () => new IsoDateAdapter());
  created.setLocale(lang);
  return created;
}

/** What a MatDatepicker input does with typed text: parse, keep only a valid date, show it formatted. */
function typed(lang: 'fr' | 'en', text: string): { value: string | null; refused: boolean; shown: string } {
  const dates = adapter(lang);
  const parsed = dates.parse(text);
  const refused = parsed !== null && !dates.isValid(parsed);
  const value = dates.getValidDateOrNull(parsed);
  return { value, refused, shown: value ? dates.format(value, ISO_DATE_FORMATS.display.dateInput) : '' };
}

describe('numericDateOrder', () => {
  it('is day/month/year in French and in English (British English, as the documents), as the app’s dates', () => {
    expect(numericDateOrder('fr')).toEqual(['day', 'month', 'year']);
    expect(numericDateOrder('en')).toEqual(['day', 'month', 'year']);
  });
});

describe('a date typed in French', () => {
  it('reads 15/12/2026 as 15 December 2026 and shows it back the same way', () => {
    expect(typed('fr', '15/12/2026')).toEqual({ value: '2026-12-15', refused: false, shown: '15/12/2026' });
    expect(typed('fr', ' 5/1/2026 ')).toEqual({ value: '2026-01-05', refused: false, shown: '05/01/2026' });
    expect(typed('fr', '15.12.2026').value).toBe('2026-12-15');
    expect(typed('fr', '15-12-2026').value).toBe('2026-12-15');
  });

  it('takes an ISO date too', () => {
    expect(typed('fr', '2026-12-15')).toEqual({ value: '2026-12-15', refused: false, shown: '15/12/2026' });
  });

  it.each(['31/02/2026', 'abc', '2026-13-01', '15/12/26', '12/15/2026', '15/12/2026 10:00', '0/1/2026'])(
    'refuses %s instead of reading another date',
    (text) => {
      expect(typed('fr', text)).toEqual({ value: null, refused: true, shown: '' });
    },
  );

  it('leaves an empty field empty, not refused', () => {
    expect(typed('fr', '   ')).toEqual({ value: null, refused: false, shown: '' });
  });

  it('accepts 29 February in a leap year only', () => {
    expect(typed('fr', '29/02/2028').value).toBe('2028-02-29');
    expect(typed('fr', '29/02/2026').refused).toBe(true);
  });
});

describe('a date typed in English', () => {
  it('reads day first (15/12/2026), like the app’s English dates, and shows it back so', () => {
    expect(typed('en', '15/12/2026')).toEqual({ value: '2026-12-15', refused: false, shown: '15/12/2026' });
    expect(typed('en', '2026-12-15').shown).toBe('15/12/2026');
  });

  it.each(['12/15/2026', '31/02/2026', 'Dec 15', '2026-13-01'])('refuses %s', (text) => {
    expect(typed('en', text).refused).toBe(true);
  });
});

describe('IsoDateAdapter', () => {
  it('keeps the form value an ISO string through a round trip', () => {
    const dates = adapter('fr');
    const value = dates.deserialize('2026-03-31');
    expect(value).toBe('2026-03-31');
    expect(dates.parse(dates.format(value ?? '', ISO_DATE_FORMATS.display.dateInput))).toBe('2026-03-31');
    expect(dates.toIso8601('2026-03-31')).toBe('2026-03-31');
  });

  it('reads a blank or missing form value as no date, and a non-ISO one as invalid', () => {
    const dates = adapter('fr');
    expect(dates.deserialize('')).toBeNull();
    expect(dates.deserialize(null)).toBeNull();
    expect(dates.isValid(dates.deserialize('2026-02-31') ?? '')).toBe(false);
  });

  it('does calendar arithmetic on local days (month ends, leap years, year change)', () => {
    const dates = adapter('fr');
    expect(dates.addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(dates.addCalendarYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(dates.addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dates.createDate(2026, 11, 15)).toBe('2026-12-15');
    expect(dates.getNumDaysInMonth('2028-02-10')).toBe(29);
    expect(dates.getDayOfWeek('2026-12-15')).toBe(2);
    expect(dates.compareDate('2026-12-15', '2027-01-01')).toBeLessThan(0);
    expect(dates.today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names months and days in the UI language and starts the French week on Monday', () => {
    const fr = adapter('fr');
    const en = adapter('en');
    expect(fr.getMonthNames('long')[11]).toBe('décembre');
    expect(en.getMonthNames('long')[11]).toBe('December');
    expect(fr.format('2026-12-15', ISO_DATE_FORMATS.display.dateA11yLabel)).toBe('15 décembre 2026');
    expect(fr.getFirstDayOfWeek()).toBe(1);
  });

  it('announces a language switch so open fields reformat', () => {
    const dates = adapter('fr');
    let changes = 0;
    dates.localeChanges.subscribe(() => changes++);
    dates.setLocale('en');
    dates.setLocale('en');
    expect(changes).toBe(1);
    // The same digits in British English; the calendar's month names change.
    expect(dates.format('2026-12-15', ISO_DATE_FORMATS.display.dateInput)).toBe('15/12/2026');
    expect(dates.getMonthNames('long')[11]).toBe('December');
  });
});

describe('parseDateText', () => {
  it('distinguishes empty (null) from refused (undefined)', () => {
    expect(parseDateText('', ['day', 'month', 'year'])).toBeNull();
    expect(parseDateText('32/01/2026', ['day', 'month', 'year'])).toBeUndefined();
  });
});
