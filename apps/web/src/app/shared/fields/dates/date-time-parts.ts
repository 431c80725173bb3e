import {
  AbstractControl,
  FormControl,
  PristineChangeEvent,
  StatusChangeEvent,
  TouchedChangeEvent,
  ValidationErrors,
  ValidatorFn,
} from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { Subscription, merge } from 'rxjs';

import { joinDateTime, parseTimeText, splitDateTime } from './date-time-value';

/** Error the form's control carries while a part is unreadable or missing (the part's field says which). */
export const DATE_TIME_INVALID = 'dateTimeInvalid';

/** Error of the date input that Material's datepicker sets on unreadable text. */
const DATE_PARSE = 'matDatepickerParse';

/**
 * The two parts of a date-and-time field over the form's control, which holds the local
 * `yyyy-MM-ddTHH:mm` (or `''`) as a `datetime-local` input did. `date` is bound to a date field
 * (Material's datepicker sets its unreadable-text error on it) and `time` to a text input. A change
 * of either part writes the joined value to the form's control; while a part is unreadable or only
 * one is given, that control holds `''` and is invalid, so the form cannot be saved with a date or
 * time other than the one typed. A value set on the form's control (a reset, a reload) is split
 * back into the parts.
 */
export class DateTimeParts {
  readonly date = new FormControl<string | null>(null);
  readonly time = new FormControl('', {
    nonNullable: true,
    validators: (c) => this.timeErrors(String(c.value)),
  });

  /** The time input shows its own error, or else the form control's (required, the API's). */
  readonly timeErrorState: ErrorStateMatcher = {
    isErrorState: (_control, form) =>
      (this.time.invalid || this.outerErrorShown()) &&
      (this.time.touched || this.outer.touched || !!form?.submitted),
  };

  private readonly complete: ValidatorFn = () =>
    this.date.invalid || this.time.invalid ? { [DATE_TIME_INVALID]: true } : null;
  private readonly subscription = new Subscription();
  /** Set while this class writes to the controls, so it does not read its own writes back. */
  private syncing = false;
  /** The control's last complete value (`''` included), put back if the field goes while incomplete. */
  private lastComplete: string | null;

  constructor(readonly outer: FormControl<string> | FormControl<string | null>) {
    this.lastComplete = outer.value;
    outer.addValidators(this.complete);
    this.fromOuter();
    this.subscription.add(
      merge(this.date.valueChanges, this.time.valueChanges).subscribe(() => {
        if (!this.syncing) this.toOuter();
      }),
    );
    this.subscription.add(
      outer.events.subscribe((event) => {
        if (this.syncing) return;
        if (event instanceof TouchedChangeEvent) this.touchParts(event.touched);
        else if (event instanceof PristineChangeEvent) this.pristineParts(event.pristine);
        else if (event instanceof StatusChangeEvent) this.fromOuter();
      }),
    );
  }

  /** Whether the time input should show the form control's own error (none of the parts has one). */
  outerErrorShown(): boolean {
    if (this.date.invalid || this.time.invalid) return false;
    return Object.keys(this.outer.errors ?? {}).some((key) => key !== DATE_TIME_INVALID);
  }

  /** Shows a readable time in its usual form once the input is left (`9h5` stays as typed, refused). */
  tidyTime(): void {
    const time = parseTimeText(this.time.value);
    if (time && time !== this.time.value) this.time.setValue(time);
  }

  /**
   * Takes the field's check off the control. An incomplete entry (its tab left, say) gives the
   * control back its last complete value: saving then keeps that date rather than clearing it.
   */
  dispose(): void {
    this.subscription.unsubscribe();
    this.outer.removeValidators(this.complete);
    if (this.joined() === undefined && this.outer.value !== this.lastComplete) {
      this.outer.setValue(this.lastComplete ?? '');
    } else {
      this.outer.updateValueAndValidity();
    }
  }

  private timeErrors(text: string): ValidationErrors | null {
    const time = parseTimeText(text);
    if (time === undefined) return { time: true };
    // A part given alone: said under the time (the date input keeps its own unreadable-date error).
    if (this.date.hasError(DATE_PARSE)) return null;
    if (time === null && this.date.value !== null) return { timeMissing: true };
    if (time !== null && this.date.value === null) return { dateMissing: true };
    return null;
  }

  private joined(): string | undefined {
    if (this.date.invalid || this.time.invalid) return undefined;
    return joinDateTime(this.date.value, parseTimeText(this.time.value) ?? null);
  }

  private toOuter(): void {
    this.write(() => {
      // The time's errors depend on the date: re-read them (which also refreshes its error line).
      this.time.updateValueAndValidity();
      const joined = this.joined();
      if (joined !== undefined) this.lastComplete = joined;
      const value = joined ?? '';
      if (this.outer.value !== value) {
        this.outer.setValue(value);
        this.outer.markAsDirty();
      } else {
        this.outer.updateValueAndValidity();
      }
    });
  }

  /** After a value, status or enabled state set on the form's control from outside. */
  private fromOuter(): void {
    const outer = this.outer;
    this.write(() => {
      for (const part of [this.date, this.time] as AbstractControl[]) {
        if (outer.disabled && part.enabled) part.disable();
        if (outer.enabled && part.disabled) part.enable();
      }
      // An incomplete entry is held as '': only a different value replaces what the parts show.
      const shown = this.joined();
      if (shown === outer.value || (shown === undefined && !outer.value)) return;
      this.lastComplete = outer.value;
      const { date, time } = splitDateTime(outer.value);
      this.date.setValue(date);
      this.time.setValue(time);
    });
  }

  private touchParts(touched: boolean): void {
    for (const part of [this.date, this.time]) {
      if (touched) part.markAsTouched();
      else part.markAsUntouched();
    }
  }

  private pristineParts(pristine: boolean): void {
    for (const part of [this.date, this.time]) {
      if (pristine) part.markAsPristine();
      else part.markAsDirty();
    }
  }

  private write(change: () => void): void {
    this.syncing = true;
    try {
      change();
    } finally {
      this.syncing = false;
    }
  }
}
