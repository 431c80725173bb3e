import { Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { TranslocoDirective } from '@jsverse/transloco';

import type { PickableKind } from '../../../../shared/ui/record-picker/picker-sources';
import { RecordPicker } from '../../../../shared/ui/record-picker/record-picker';
import { JobForm } from '../job-form';

interface Party {
  kind: PickableKind;
  control: keyof JobForm['controls'];
  /** Names the label (`jobs.fields.<field>`) and the test id (`job-<field>`). */
  field: string;
}

/** Parties tab: shipper, consignee and notify (clients of the company), our agent at destination. */
@Component({
  selector: 'app-job-parties-tab',
  imports: [ReactiveFormsModule, RecordPicker, TranslocoDirective],
  template: `
    <div class="tab-body" *transloco="let t" [formGroup]="form()">
      <section class="card">
        <h2 class="card-title">{{ t('jobs.tabs.parties') }}</h2>
        <p class="muted">{{ t('jobs.parties.intro') }}</p>
        <div class="grid">
          @for (party of parties; track party.control) {
            <app-record-picker
              [kind]="party.kind"
              [formControlName]="party.control"
              [testId]="'job-' + party.field"
              [label]="t('jobs.fields.' + party.field)"
            />
          }
        </div>
      </section>
    </div>
  `,
  styleUrl: './job-tabs.scss',
})
export class JobPartiesTab {
  readonly form = input.required<JobForm>();
  protected readonly parties: readonly Party[] = [
    { kind: 'clients', control: 'shipperId', field: 'shipper' },
    { kind: 'clients', control: 'consigneeId', field: 'consignee' },
    { kind: 'clients', control: 'notifyId', field: 'notify' },
    { kind: 'agents', control: 'agentCode', field: 'agent' },
  ];
}
