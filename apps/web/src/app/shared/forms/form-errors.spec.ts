import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { FIELD_MESSAGES, wordedCode, type FieldError } from '@velosi/contracts';
import { describe, expect, it } from 'vitest';

import { applyFieldErrors, firstError, WORDED_CODES } from './form-errors';

describe('the API’s field errors on a form', () => {
  const form = () => new FormGroup({ exchangeRate: new FormControl('0.000001'), notes: new FormControl('') });
  // As the API answers: a message the contracts word alike carries its code.
  const problem = (field: string, message: string, coded: Partial<FieldError> = {}) => ({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    errors: [{ field, message, ...wordedCode(message), ...coded }],
  });

  it('shows a message the API always words alike in the reader’s language', () => {
    const f = form();
    const left = applyFieldErrors(f, problem('exchangeRate', FIELD_MESSAGES.implausibleRate));
    expect(left).toEqual([]);
    expect(firstError(f.controls.exchangeRate)).toEqual({ key: 'validation.implausibleRate' });
    expect(f.controls.exchangeRate.touched).toBe(true);
  });

  it('shows any other message as the API wrote it, and returns what fits no control', () => {
    const f = form();
    const left = applyFieldErrors(f, {
      ...problem('notes', 'no line of this invoice with this id'),
      errors: [
        { field: 'notes', message: 'no line of this invoice with this id' },
        { field: 'lines', message: 'at least one line' },
      ],
    });
    expect(firstError(f.controls.notes)).toEqual({
      key: 'validation.server',
      text: 'no line of this invoice with this id',
    });
    expect(left).toEqual([{ field: 'lines', message: 'at least one line' }]);
  });

  it('says an unreadable date is unreadable, not missing', () => {
    const date = new FormControl(null);
    date.setErrors({ required: true, matDatepickerParse: { text: '12/31/2027' } });
    expect(firstError(date)).toEqual({ key: 'validation.matDatepickerParse' });
  });

  it('puts a line’s error on that line’s field when the form has it', () => {
    const line = new FormGroup({ exchangeRate: new FormControl('33.9') });
    const f = new FormGroup({ lines: new FormArray([line]) });
    expect(applyFieldErrors(f, problem('lines.0.exchangeRate', FIELD_MESSAGES.implausibleRate))).toEqual([]);
    expect(firstError(line.controls.exchangeRate)).toEqual({ key: 'validation.implausibleRate' });
  });

  it('words a bound or a format the API codes, with its limit', () => {
    const f = form();
    applyFieldErrors(
      f,
      problem('exchangeRate', 'Too big: expected number to be <=90', { code: 'max', params: { max: 90 } }),
    );
    expect(firstError(f.controls.exchangeRate)).toEqual({ key: 'validation.max', params: { max: 90 } });
    const g = form();
    applyFieldErrors(
      g,
      problem('exchangeRate', 'expected a decimal string with at most 6 decimals, e.g. "12.5"'),
    );
    expect(firstError(g.controls.exchangeRate)).toEqual({
      key: 'validation.decimalFormat',
      params: { decimals: 6 },
    });
  });

  it('shows a code it does not know as the API wrote the message', () => {
    const f = form();
    applyFieldErrors(f, problem('notes', 'something new', { code: 'somethingNew' }));
    expect(firstError(f.controls.notes)).toEqual({ key: 'validation.server', text: 'something new' });
  });
});

describe('every code the API words has its text in French and English', () => {
  const validation = (lang: string) =>
    (
      JSON.parse(readFileSync(resolve(__dirname, `../../../../public/i18n/${lang}.json`), 'utf8')) as {
        validation: Record<string, string>;
      }
    ).validation;
  it.each(['fr', 'en'])('%s', (lang) => {
    const texts = validation(lang);
    expect([...WORDED_CODES].filter((code) => !texts[code])).toEqual([]);
  });
});
