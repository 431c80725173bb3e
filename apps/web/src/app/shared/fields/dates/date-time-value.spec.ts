import { describe, expect, it } from 'vitest';

import { joinDateTime, parseTimeText, splitDateTime } from './date-time-value';

describe('a time typed in a date-and-time field', () => {
  it('reads 24-hour times as HH:mm', () => {
    expect(parseTimeText('14:30')).toBe('14:30');
    expect(parseTimeText(' 9:05 ')).toBe('09:05');
    expect(parseTimeText('14h30')).toBe('14:30');
    expect(parseTimeText('14h')).toBe('14:00');
    expect(parseTimeText('8')).toBe('08:00');
    expect(parseTimeText('1430')).toBe('14:30');
    expect(parseTimeText('930')).toBe('09:30');
    expect(parseTimeText('00:00')).toBe('00:00');
    expect(parseTimeText('23:59')).toBe('23:59');
  });

  it('is empty for blank text', () => {
    expect(parseTimeText('')).toBeNull();
    expect(parseTimeText('   ')).toBeNull();
  });

  it('refuses what is no time of day rather than reading another one', () => {
    for (const text of ['24:00', '12:60', '2pm', '14:3', '14:30:00', 'abc', '12345', '-1:00']) {
      expect(parseTimeText(text), text).toBeUndefined();
    }
  });
});

describe('the value of a date-and-time field', () => {
  it('is the datetime-local text of a date and a time, or empty when both are', () => {
    expect(joinDateTime('2026-12-15', '09:05')).toBe('2026-12-15T09:05');
    expect(joinDateTime(null, null)).toBe('');
  });

  it('is no value with only one of them', () => {
    expect(joinDateTime('2026-12-15', null)).toBeUndefined();
    expect(joinDateTime(null, '09:05')).toBeUndefined();
  });

  it('splits back into the parts, the way isoToLocalInput and nowLocalInput write it', () => {
    expect(splitDateTime('2026-12-15T09:05')).toEqual({ date: '2026-12-15', time: '09:05' });
    expect(splitDateTime('')).toEqual({ date: null, time: '' });
    expect(splitDateTime(null)).toEqual({ date: null, time: '' });
    expect(splitDateTime('15/12/2026 09:05')).toEqual({ date: null, time: '' });
  });
});
