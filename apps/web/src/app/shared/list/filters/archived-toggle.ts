import { Component, model } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ArchivedFilter } from '@velosi/contracts';

const OPTIONS: readonly ArchivedFilter[] = ['false', 'true', 'all'];

/**
 * Active / Archived / All, for the lists of records that can be archived (`archived` query
 * parameter). Its labels are in the `sales` translation scope, which every such list loads.
 */
@Component({
  selector: 'app-archived-toggle',
  imports: [MatButtonToggleModule, TranslocoDirective],
  template: `
    <mat-button-toggle-group
      *transloco="let t"
      [attr.aria-label]="t('sales.list.archived')"
      [value]="value()"
      (change)="value.set($event.value)"
    >
      @for (option of options; track option) {
        <mat-button-toggle [value]="option">{{ t('sales.list.archivedFilter.' + option) }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
})
export class ArchivedToggle {
  readonly value = model.required<ArchivedFilter>();
  protected readonly options = OPTIONS;
}
