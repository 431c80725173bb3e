import { FormControl, FormGroup, Validators } from '@angular/forms';
import { describe, expect, it } from 'vitest';

import { localInputToIso } from '../../sales/form-problem';
import { DATE_TIME_INVALID, DateTimeParts } from './date-time-parts';

// The date part's value is what the date field's datepicker gives its control: `yyyy-MM-dd` or null,
// with Material's `matDatepickerParse` error while the text is unreadable (set here as it does).
function field(initial = '', required = false) {
  const control = new FormControl(initial, {
    nonNullable: true,
    validators: required ? Validators.required : [],
  });
  const form = new FormGroup({ at: control });
  return { control, form, parts: new DateTimeParts(control) };
}

describe('a date-and-time field over a form control', () => {
  it('shows the control’s value in its two parts', () => {
    const { parts } = field('2026-12-15T09:05');
    expect(parts.date.value).toBe('2026-12-15');
    expect(parts.time.value).toBe('09:05');
  });

  it('writes a date and a time as the datetime-local text the form submits', () => {
    const { control, parts } = field();
    parts.date.setValue('2026-12-15');
    parts.time.setValue('14h30');
    expect(control.value).toBe('2026-12-15T14:30');
    expect(control.valid).toBe(true);
    expect(control.dirty).toBe(true);
    expect(localInputToIso(control.value)).toBe(new Date(2026, 11, 15, 14, 30).toISOString());
  });

  it('is empty and valid once both parts are cleared (an optional date)', () => {
    const { control, parts } = field('2026-12-15T09:05');
    parts.date.setValue(null);
    parts.time.setValue('');
    expect(control.value).toBe('');
    expect(control.valid).toBe(true);
  });

  it('refuses an unreadable time: the control is invalid and holds no other time', () => {
    const { control, form, parts } = field('2026-12-15T09:05');
    parts.time.setValue('25:00');
    expect(parts.time.hasError('time')).toBe(true);
    expect(control.hasError(DATE_TIME_INVALID)).toBe(true);
    expect(control.value).toBe('');
    expect(form.invalid).toBe(true);
  });

  it('refuses a date without its time, and a time without its date, saying which is missing', () => {
    const { control, parts } = field();
    parts.date.setValue('2026-12-15');
    expect(parts.time.hasError('timeMissing')).toBe(true);
    expect(control.invalid).toBe(true);
    parts.date.setValue(null);
    parts.time.setValue('10:00');
    expect(parts.time.hasError('dateMissing')).toBe(true);
    expect(control.invalid).toBe(true);
  });

  it('refuses an unreadable date, the error staying on the date part', () => {
    const { control, parts } = field('2026-12-15T09:05');
    parts.date.setValue(null, { emitEvent: false });
    parts.date.setErrors({ matDatepickerParse: { text: '31/02/2026' } });
    parts.time.setValue('09:05');
    expect(parts.time.valid).toBe(true);
    expect(control.invalid).toBe(true);
    expect(parts.outerErrorShown()).toBe(false);
  });

  it('follows a value set on the control (a reset) and its touched state (a submit)', () => {
    const { form, parts } = field('', true);
    form.markAllAsTouched();
    expect(parts.date.touched && parts.time.touched).toBe(true);
    expect(parts.outerErrorShown()).toBe(true);
    form.reset({ at: '2027-01-02T07:00' });
    expect(parts.date.value).toBe('2027-01-02');
    expect(parts.time.value).toBe('07:00');
    expect(parts.time.touched).toBe(false);
  });

  it('tidies a readable time once left, and leaves a refused one as typed', () => {
    const { parts } = field();
    parts.time.setValue('9h5');
    parts.tidyTime();
    expect(parts.time.value).toBe('9h5');
    parts.time.setValue('9h05');
    parts.tidyTime();
    expect(parts.time.value).toBe('09:05');
  });

  it('gives the control back its last complete value when it goes while incomplete (a tab left)', () => {
    const { control, parts } = field('2026-12-15T09:05');
    parts.time.setValue('25:00');
    expect(control.value).toBe('');
    parts.dispose();
    expect(control.value).toBe('2026-12-15T09:05');
    expect(control.valid).toBe(true);
  });

  it('takes its check off the control once gone', () => {
    const { control, parts } = field();
    parts.time.setValue('abc');
    expect(control.invalid).toBe(true);
    parts.dispose();
    expect(control.valid).toBe(true);
  });
});
