import { Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { RecordPicker } from '../../ui/record-picker/record-picker';

/**
 * A list's client filter: a client picker bound to the list's `clientId` filter ('' = any
 * client), so it follows the address and "clear filters" like the list's other filters.
 *
 *     <app-list-client-filter [label]="t('jobs.fields.client')" testid="jobs-filter-client" [(value)]="list.filters.clientId" />
 */
@Component({
  selector: 'app-list-client-filter',
  imports: [FormsModule, RecordPicker],
  template: `
    <app-record-picker
      kind="clients"
      appearance="outline"
      [testId]="testid()"
      [showHint]="false"
      [label]="label()"
      [ngModel]="value() || null"
      (ngModelChange)="value.set($event ?? '')"
    />
  `,
})
export class ListClientFilter {
  readonly label = input.required<string>();
  readonly testid = input.required<string>();
  readonly value = model.required<string>();
}
