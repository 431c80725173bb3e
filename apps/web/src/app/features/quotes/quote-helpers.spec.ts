import { FormControl, Validators } from '@angular/forms';
import { describe, expect, it } from 'vitest';
import { fieldError, invalidFieldLabel } from './quote-errors';
import { formatPercent } from '../../shared/sales/money';
import { statusClass, todayIso } from './quote-options';
import { formatDecimal, formatMoney, formatQuantity } from '../../shared/sales/money';

/** A translate stand-in that shows the key and its parameters. */
const translate = (key: string, params?: object) => (params ? `${key}${JSON.stringify(params)}` : key);

describe('invalidFieldLabel: the error summary names fields as the user reads them', () => {
  it.each([
    ['clientId', 'quotes.fields.client'],
    ['leadId', 'quotes.fields.lead'],
    ['validUntil', 'quotes.fields.validUntil'],
    ['containers.0.type', 'quotes.fields.containerType'],
    ['containers.1.count', 'quotes.fields.containerCount'],
    ['containers', 'quotes.fields.containers'],
  ])('%s → %s', (path, expected) => {
    expect(invalidFieldLabel(path, translate)).toBe(expected);
  });

  it('a line field says the line number (1-based) and the column label', () => {
    expect(invalidFieldLabel('items.1.sellUnitPrice', translate)).toBe(
      'quotes.editor.lineField{"n":2,"field":"quotes.lines.sell"}',
    );
    expect(invalidFieldLabel('items.0.description', translate)).toBe(
      'quotes.editor.lineField{"n":1,"field":"quotes.lines.description"}',
    );
  });
});

describe('fieldError: quote-specific wording first', () => {
  it('no control or no error: no message', () => {
    expect(fieldError(null)).toBeNull();
    expect(fieldError(new FormControl('1'))).toBeNull();
  });

  it('required wins over the other errors', () => {
    const control = new FormControl('', [Validators.required, Validators.pattern(/^\d+$/)]);
    expect(fieldError(control)).toEqual({ key: 'validation.required' });
  });

  it('a route point without code or address has its own translated message', () => {
    const control = new FormControl('');
    control.setErrors({ routePoint: true });
    expect(fieldError(control, 'code')).toEqual({ key: 'quotes.validation.routePoint' });
  });

  it('a pattern failure names what the field expects', () => {
    const control = new FormControl('x', Validators.pattern(/^\d+$/));
    expect(fieldError(control)).toEqual({ key: 'quotes.validation.decimal' });
    expect(fieldError(control, 'code')).toEqual({ key: 'quotes.validation.code' });
  });

  it('min and max carry their bound', () => {
    expect(fieldError(new FormControl(0, Validators.min(1)))).toEqual({
      key: 'quotes.validation.min',
      params: { min: 1 },
    });
    expect(fieldError(new FormControl(200, Validators.max(100)))).toEqual({
      key: 'quotes.validation.max',
      params: { max: 100 },
    });
  });

  it('the ETA-before-ETD rule has its own message', () => {
    const control = new FormControl('2026-01-01');
    control.setErrors({ etaBeforeEtd: true });
    expect(fieldError(control)).toEqual({ key: 'quotes.validation.etaBeforeEtd' });
  });
});

describe('quote display helpers', () => {
  it('an empty amount shows a dash', () => {
    expect(formatDecimal(null, 'en')).toBe('—');
    expect(formatDecimal('', 'fr')).toBe('—');
    expect(formatMoney(undefined, 'TND', 'en')).toBe('—');
  });

  it('pads TND to millimes on the string, never through a float', () => {
    expect(formatMoney('0.1', 'TND', 'en')).toBe('0.100 TND');
    expect(formatMoney('12', 'TND', 'en')).toBe('12.000 TND');
  });

  it('a foreign currency keeps its significant decimals, at least two', () => {
    expect(formatMoney('5', 'EUR', 'en')).toBe('5.00 EUR');
    expect(formatMoney('200.000', 'EUR', 'en')).toBe('200.00 EUR');
    expect(formatMoney('12.340', 'EUR', 'en')).toBe('12.34 EUR');
    expect(formatMoney('5.1234', 'USD', 'en')).toBe('5.1234 USD');
  });

  it('a quantity keeps only its significant decimals', () => {
    expect(formatQuantity('12.250', 'en')).toBe('12.25');
    expect(formatQuantity('3.000', 'en')).toBe('3');
  });

  it('groups thousands in the UI language', () => {
    expect(formatDecimal('1234567.5', 'en')).toBe('1,234,567.500');
    expect(formatDecimal('1234567.5', 'fr')).toMatch(/^1\s234\s567,500$/u);
  });

  it('status chips and today', () => {
    expect(statusClass('accepted')).toBe('status-accepted');
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('formatPercent', () => {
  it("writes the percent sign the language's way, with the decimals asked", () => {
    expect(formatPercent('99.83', 'en', 2)).toBe('99.83%');
    expect(formatPercent('99.83', 'fr', 2).replace(/\s/g, ' ')).toBe('99,83 %');
    expect(formatPercent('-12.5', 'en', 2)).toBe('-12.50%');
    expect(formatPercent(19, 'en')).toBe('19%');
    expect(formatPercent('7', 'fr').replace(/\s/g, ' ')).toBe('7 %');
    expect(formatPercent(null, 'en')).toBe('—');
  });
});
