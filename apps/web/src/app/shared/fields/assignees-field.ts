import { Component, computed, inject, input } from '@angular/core';
import { FormControl } from '@angular/forms';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';

import { SessionStore } from '../../core/auth/session.store';
import { ChipsField, type ChipChoice } from './chips-field';
import { StaffDirectory } from './staff-directory';

/**
 * Who a record is assigned to, as a `FormControl<string[]>` of user ids (token `sub`), picked by
 * name among the staff directory: `<app-assignees-field [control]="form.controls.assignedTo"
 * testId="lead-assignees" class="span-2" />`. The API refuses unknown ids and, for a commercial,
 * leaving themselves out (they would lose the record): its message shows under the field.
 */
@Component({
  selector: 'app-assignees-field',
  imports: [ChipsField, TranslocoDirective],
  providers: [provideTranslocoScope('fields')],
  template: `
    <app-chips-field
      *transloco="let t"
      [control]="control()"
      [label]="label() || t('fields.assignees.label')"
      [placeholder]="t('fields.assignees.placeholder')"
      [choices]="choices()"
      [testId]="testId()"
    />
  `,
  styleUrl: './field.scss',
})
export class AssigneesField {
  readonly control = input.required<FormControl<string[]>>();
  /** Translated; "Assigned to" by default. */
  readonly label = input<string>();
  readonly testId = input<string>();

  private readonly directory = inject(StaffDirectory);
  private readonly session = inject(SessionStore);

  /** The directory, plus the signed-in user while it loads: a new record's default chip has a name at once. */
  protected readonly choices = computed<ChipChoice[]>(() => {
    const choices = this.directory.choices();
    const me = this.session.me();
    if (!me || choices.some((c) => c.value === me.sub)) return choices;
    return [...choices, { value: me.sub, label: this.session.displayName(), detail: me.username }];
  });

  constructor() {
    this.directory.load();
  }
}

/**
 * The assignees of a new record: the signed-in user, as the API would default them. Call in an
 * injection context (a dialog's field initializer).
 */
export function currentUserAssignees(): string[] {
  const sub = inject(SessionStore).me()?.sub;
  return sub ? [sub] : [];
}
