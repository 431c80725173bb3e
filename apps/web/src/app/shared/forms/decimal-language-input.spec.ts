import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { DOCUMENT, EnvironmentInjector, Injector, createEnvironmentInjector } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';
import { of } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';

import { appTransloco } from '../../core/i18n/app-transloco.testing';
import { LanguageService } from '../../core/i18n/language.service';
import { DEFAULT_LANG } from '../../core/i18n/languages';
import { numberLanguage, setNumberLanguage } from '../../core/i18n/number-language';
import { decimalOrNull, decimalValidator } from './decimal';
import { provideDecimalLanguage, rewriteDecimal } from './decimal-language-input';

const AMOUNT = /^-?\d{1,15}(\.\d{1,3})?$/;

afterEach(() => setNumberLanguage(DEFAULT_LANG));

/** A control as a form holds it: typed by the user (dirty), validated in the `from` language. */
function typed(text: string, from: 'fr' | 'en'): FormControl<string> {
  setNumberLanguage(from);
  const control = new FormControl(text, { nonNullable: true, validators: decimalValidator(AMOUNT) });
  control.markAsDirty();
  return control;
}

/** What LanguageService does on a switch: the number language first, then the rewrite. */
function switchLanguage(control: FormControl<string>, from: 'fr' | 'en', to: 'fr' | 'en'): void {
  setNumberLanguage(to);
  rewriteDecimal(control, from, to);
}

describe('rewriteDecimal: a language switch rewrites the open decimal inputs', () => {
  it.each([
    ['2400,5', 'fr', 'en', '2400.5', '2400.5'],
    ['33,250', 'fr', 'en', '33.250', '33.250'],
    ['1 250,5', 'fr', 'en', '1250.5', '1250.5'],
    ['1,250', 'fr', 'en', '1.250', '1.250'],
    ['2400.75', 'en', 'fr', '2400,75', '2400.75'],
    ['1,250.5', 'en', 'fr', '1250,5', '1250.5'],
    ['1,250', 'en', 'fr', '1250', '1250'],
    ['12,345,678,901.234', 'en', 'fr', '12345678901,234', '12345678901.234'],
    ['-5,5', 'fr', 'en', '-5.5', '-5.5'],
    ['2400', 'fr', 'en', '2400', '2400'],
  ] as const)('%j %s → %s shows %j and still means %s', (text, from, to, shown, sent) => {
    const control = typed(text, from);
    const before = decimalOrNull(control.value);
    switchLanguage(control, from, to);
    expect(control.value).toBe(shown);
    expect(decimalOrNull(control.value)).toBe(sent);
    expect(before).toBe(sent);
    expect(control.dirty).toBe(true);
    expect(control.touched).toBe(false);
  });

  it('leaves a pristine form pristine', () => {
    const form = new FormGroup({ amount: typed('2143,000', 'fr') });
    form.markAsPristine();
    switchLanguage(form.controls.amount, 'fr', 'en');
    expect(form.controls.amount.value).toBe('2143.000');
    expect(form.dirty).toBe(false);
    expect(form.touched).toBe(false);
  });

  it('leaves text that does not read as typed, validated again in the new language', () => {
    const comma = typed('1,25', 'en');
    expect(comma.errors).toEqual({ decimalComma: true });
    switchLanguage(comma, 'en', 'fr');
    expect(comma.value).toBe('1,25');
    expect(comma.errors).toBeNull();

    const letters = typed('12abc', 'fr');
    switchLanguage(letters, 'fr', 'en');
    expect(letters.value).toBe('12abc');
    expect(letters.errors).toEqual({ decimal: true });
  });

  it('tells valueChanges (live totals re-read the text)', () => {
    const control = typed('2400,5', 'fr');
    const seen: string[] = [];
    control.valueChanges.subscribe((v) => seen.push(v));
    switchLanguage(control, 'fr', 'en');
    expect(seen).toEqual(['2400.5']);
  });
});

describe('LanguageService.use: the number language follows, then the switch is announced', () => {
  const document = { documentElement: { lang: '' } };
  const languageService = (): LanguageService =>
    createEnvironmentInjector(
      [
        LanguageService,
        { provide: TranslocoService, useValue: appTransloco(() => of({})) },
        { provide: DOCUMENT, useValue: document },
        provideDecimalLanguage(),
      ],
      Injector.create({ providers: [] }) as EnvironmentInjector,
    ).get(LanguageService);

  it('rewrites every decimal control once per switch, those without an input on screen too', () => {
    const languages = languageService();
    // A form's control prefilled in French and never shown (a tab not opened): no directive saw it.
    const hidden = new FormControl('33,250', { nonNullable: true, validators: decimalValidator(AMOUNT) });
    const plain = new FormControl('1,250', { nonNullable: true });
    languages.use('en');
    expect(hidden.value).toBe('33.250');
    expect(decimalOrNull(hidden.value)).toBe('33.250');
    expect(plain.value).toBe('1,250');
    languages.use('fr');
    expect(hidden.value).toBe('33,250');
    languages.use('en');
    languages.use('en');
    expect(hidden.value).toBe('33.250');
  });

  it('emits { from, to } once numberLanguage() is the new language', () => {
    const languages = languageService();
    const seen: string[] = [];
    languages.switched.subscribe(({ from, to }) => seen.push(`${from}→${to} read in ${numberLanguage()}`));
    languages.use('en');
    languages.use('en');
    languages.use('fr');
    expect(seen).toEqual(['fr→en read in en', 'en→fr read in fr']);
    expect(document.documentElement.lang).toBe('fr');
  });
});

describe('every decimal input of the app follows the language', () => {
  // The directive only acts where its component imports it: a new form that forgets would keep a
  // French `33,250` in an English form, read as 33250. `inputmode="decimal"` is what marks them.
  const app = fileURLToPath(new URL('../../', import.meta.url));
  const sources = readdirSync(app, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.(ts|html)$/.test(file) && !file.endsWith('.spec.ts'),
  );
  const decimalInputs = sources.filter((file) =>
    (readFileSync(join(app, file), 'utf8').match(/<input[^>]*>/g) ?? []).some((tag) =>
      /inputmode="decimal"|appDecimalLanguage/.test(tag),
    ),
  );

  it.each(decimalInputs)('%s imports DecimalLanguageInput', (file) => {
    const component = readFileSync(join(app, file.replace(/\.html$/, '.ts')), 'utf8');
    expect(component).toMatch(/imports: \[[^\]]*DecimalLanguageInput/);
  });

  it('finds them all (13 components, 27 inputs on 2026-12-07)', () => {
    expect(decimalInputs.length).toBe(13);
  });
});
