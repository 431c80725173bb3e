import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { TranslocoDirective } from '@jsverse/transloco';

import { RecordPicker } from '../../../shared/ui/record-picker/record-picker';
import { JobForm } from './job-form';

/** Parties tab: shipper, consignee and notify (clients of the company), our agent at destination. */
@Component({
  selector: 'app-job-parties-tab',
  imports: [ReactiveFormsModule, RecordPicker, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tab-body" *transloco="let t" [formGroup]="form()">
      <section class="card">
        <h2 class="card-title">{{ t('jobs.tabs.parties') }}</h2>
        <p class="muted">{{ t('jobs.parties.intro') }}</p>
        <div class="grid">
          <app-record-picker
            kind="clients"
            formControlName="shipperId"
            testId="job-shipper"
            [label]="t('jobs.fields.shipper')"
          />
          <app-record-picker
            kind="clients"
            formControlName="consigneeId"
            testId="job-consignee"
            [label]="t('jobs.fields.consignee')"
          />
          <app-record-picker
            kind="clients"
            formControlName="notifyId"
            testId="job-notify"
            [label]="t('jobs.fields.notify')"
          />
          <app-record-picker
            kind="agents"
            formControlName="agentCode"
            testId="job-agent"
            [label]="t('jobs.fields.agent')"
          />
        </div>
      </section>
    </div>
  `,
  styleUrl: './job-tabs.scss',
})
export class JobPartiesTab {
  readonly form = input.required<JobForm>();
}
