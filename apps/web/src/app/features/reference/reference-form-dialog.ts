import { Component, inject } from '@angular/core';
import { FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';

import { LanguageService } from '../../core/i18n/language.service';
import { ControlError } from '../../shared/fields/control-error';
import { DateField } from '../../shared/fields/dates/date-field';
import { decimalInput, decimalValidator, normalizeDecimal } from '../../shared/forms/decimal';
import { FORM_DIALOG_IMPORTS } from '../../shared/fields/form-dialog-body';
import { CodeListField } from '../../shared/reference/code-list-field';
import { IsoLists } from '../../shared/reference/iso-lists';
import { DialogSubmit } from '../../shared/sales/dialog-submit';
import { LocalPercentPipe } from '../../shared/ui/local-percent.pipe';
import { ReferenceApi, ReferenceRow } from './reference-api';
import { ReferenceField, ReferenceView } from './reference-objects';
import { DecimalLanguageInput } from '../../shared/forms/decimal-language-input';

export interface ReferenceFormData {
  readonly view: ReferenceView;
  /** null: a new row. */
  readonly row: ReferenceRow | null;
}

type FieldValue = string | boolean | readonly string[];

/**
 * The form value of a field, from the row (or its empty value). Decimals (rates, TEU, coordinates)
 * are written the `lang` way without padding zeros (decimalInput): `3,4125` in French.
 */
function initial(field: ReferenceField, row: ReferenceRow | null, lang: string): FieldValue {
  const value = row?.[field.key];
  if (field.kind === 'boolean') return value === true;
  if (field.kind === 'multi') return Array.isArray(value) ? (value as string[]) : [];
  if (field.key === 'country' && value == null) return 'TN';
  if (value === null || value === undefined) return '';
  return field.kind === 'decimal' ? decimalInput(String(value), lang, { trimZeros: true }) : String(value);
}

/** What the API takes for a field: '' → null, numbers as numbers, codes upper-cased. */
function bodyValue(field: ReferenceField, value: FieldValue): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return null;
  if (field.kind === 'integer' || (field.kind === 'select' && typeof field.options?.[0] === 'number'))
    return Number(text);
  if (field.kind === 'decimal' && (field.key === 'latitude' || field.key === 'longitude'))
    return Number(normalizeDecimal(text));
  if (field.kind === 'decimal') return normalizeDecimal(text);
  if (field.kind === 'upper' || field.kind === 'country' || field.kind === 'currency')
    return text.toUpperCase();
  return text;
}

function validators(field: ReferenceField): ValidatorFn[] {
  const list: ValidatorFn[] = [];
  if (field.required && field.kind !== 'boolean') list.push(Validators.required);
  if (field.max) list.push(Validators.maxLength(field.max));
  if (field.kind === 'integer') list.push(Validators.pattern(/^\d+$/));
  if (field.kind === 'decimal') list.push(decimalValidator(/^-?\d+(\.\d+)?$/, { signed: true }));
  return list;
}

/**
 * Create or edit a row of any reference object, the form built from the object's field list
 * (reference-objects.ts); the API's field errors land on the fields (DialogSubmit).
 */
@Component({
  selector: 'app-reference-form-dialog',
  imports: [
    DecimalLanguageInput,
    FORM_DIALOG_IMPORTS,
    CodeListField,
    ControlError,
    DateField,
    LocalPercentPipe,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
  ],
  templateUrl: './reference-form-dialog.html',
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class ReferenceFormDialog {
  private readonly data = inject<ReferenceFormData>(MAT_DIALOG_DATA);
  private readonly api = inject(ReferenceApi);
  protected readonly iso = inject(IsoLists);
  protected readonly lang = inject(LanguageService).active;
  protected readonly view = this.data.view;
  protected readonly row = this.data.row;

  protected readonly form = new FormGroup(
    Object.fromEntries(
      this.view.fields.map((field) => [
        field.key,
        new FormControl<FieldValue>(initial(field, this.row, this.lang()), {
          nonNullable: true,
          validators: validators(field),
        }),
      ]),
    ),
  );
  protected readonly submitter = new DialogSubmit<ReferenceRow>(this.form);

  protected control(key: string): FormControl<string> {
    return this.form.controls[key] as FormControl<string>;
  }

  protected submit(): void {
    this.submitter.run(() => {
      const values = this.form.getRawValue();
      const body = Object.fromEntries(
        this.view.fields.map((f) => [f.key, bodyValue(f, values[f.key] as FieldValue)]),
      );
      const row = this.row;
      if (!row) {
        // A new row leaves out the empty optional fields (defaults apply).
        const present = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
        return this.api.create(this.view.path, present);
      }
      return this.api.update(this.view.path, row.id, { ...body, version: row.version });
    });
  }
}
