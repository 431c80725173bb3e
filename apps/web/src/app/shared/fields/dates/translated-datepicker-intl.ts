import { DestroyRef, Injectable, inject } from '@angular/core';
import { MatDatepickerIntl } from '@angular/material/datepicker';
import { TranslocoService } from '@jsverse/transloco';

/** The labels of the calendar popup that MatDatepickerIntl names, keyed as in the `datepicker` translations. */
const LABELS = [
  'calendarLabel',
  'openCalendarLabel',
  'closeCalendarLabel',
  'prevMonthLabel',
  'nextMonthLabel',
  'prevYearLabel',
  'nextYearLabel',
  'prevMultiYearLabel',
  'nextMultiYearLabel',
  'switchToMonthViewLabel',
  'switchToMultiYearViewLabel',
] as const;

/**
 * The calendar's button and screen-reader labels ("Ouvrir le calendrier", "Mois suivant") in the UI
 * language, updated on a language switch (Material ships them in English only). Provided by DateField.
 */
@Injectable()
export class TranslatedDatepickerIntl extends MatDatepickerIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    // Emits once the language's file is loaded, and again on every switch.
    const subscription = this.transloco
      .selectTranslateObject<Record<string, string>>('datepicker')
      .subscribe((labels) => {
        for (const key of LABELS) this[key] = labels[key] ?? this[key];
        this.changes.next();
      });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  override formatYearRangeLabel(start: string, end: string): string {
    return this.transloco.translate('datepicker.yearRange', { start, end });
  }
}
