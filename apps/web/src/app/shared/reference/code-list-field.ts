import { Component, computed, input, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';

import { ControlError } from '../fields/control-error';
import { CodeChoice, folded } from './iso-lists';

/**
 * A code chosen from a short list (ISO countries, currencies) by typing its code or a word of its
 * name, accents and case ignored; the control holds the code. Arrow keys and Enter pick, like any
 * autocomplete. `<app-code-list-field [control]="form.controls.country" [choices]="iso.countries()"
 * [label]="t('…')" testId="client-country" />`
 */
@Component({
  selector: 'app-code-list-field',
  imports: [ControlError, MatAutocompleteModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule],
  template: `
    <mat-form-field class="field">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        autocomplete="off"
        class="upper"
        [formControl]="control()"
        [matAutocomplete]="auto"
        [attr.data-testid]="testId()"
        (input)="typed.set($any($event.target).value)"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display">
        @for (choice of shown(); track choice.code) {
          <mat-option [value]="choice.code" [attr.data-testid]="testId() + '-option'">
            {{ choice.name }} ({{ choice.code }})
          </mat-option>
        }
      </mat-autocomplete>
      <mat-hint class="name" [attr.title]="nameOf(control().value) || null">{{
        nameOf(control().value)
      }}</mat-hint>
      <app-control-error matError [control]="control()" />
    </mat-form-field>
  `,
  styles: `
    .field {
      width: 100%;
    }
    .upper {
      text-transform: uppercase;
    }
    /* One line under a narrow field (a currency beside an amount on a phone): a long name such as
       "dinar tunisien" would wrap into the field below; the full name stays in the title. */
    .name {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
})
export class CodeListField {
  readonly control = input.required<FormControl<string>>();
  readonly choices = input.required<readonly CodeChoice[]>();
  readonly label = input.required<string>();
  readonly testId = input<string>('code-list');

  protected readonly typed = signal('');
  protected readonly shown = computed(() => rankChoices(this.choices(), this.typed()).slice(0, 50));

  protected readonly display = (code: string | null): string => code ?? '';

  protected nameOf(code: string | null): string {
    return this.choices().find((c) => c.code === code?.toUpperCase())?.name ?? '';
  }
}

/**
 * The choices matching every word typed (code or name, accents and case ignored), best first: the
 * code itself ("eur" → EUR before "euro WIR"), then codes starting with it, then names with a word
 * starting with it, then the rest; the list's order within each. Nothing typed: the whole list.
 */
export function rankChoices(choices: readonly CodeChoice[], typed: string): CodeChoice[] {
  const words = folded(typed.trim()).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...choices];
  const first = words[0] ?? '';
  const rank = (c: CodeChoice): number => {
    const code = c.code.toLowerCase();
    if (code === first) return 0;
    if (code.startsWith(first)) return 1;
    return folded(c.name)
      .split(/[\s(),'-]+/)
      .some((w) => w.startsWith(first))
      ? 2
      : 3;
  };
  return choices
    .filter((c) => {
      const text = folded(`${c.code} ${c.name}`);
      return words.every((w) => text.includes(w));
    })
    .map((choice, index) => ({ choice, index, rank: rank(choice) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.choice);
}
