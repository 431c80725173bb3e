import { Component, computed, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Job, Vessel as PickableRecordVessel } from '@velosi/contracts';

import { LanguageService } from '../../../../core/i18n/language.service';
import { ControlError } from '../../../../shared/fields/control-error';
import { DateField } from '../../../../shared/fields/dates/date-field';
import { DateTimeField } from '../../../../shared/fields/dates/date-time-field';
import { LocalDatePipe } from '../../../../shared/ui/local-date.pipe';
import { RecordPicker } from '../../../../shared/ui/record-picker/record-picker';
import { carrierKind, type PickableRecord } from '../../../../shared/ui/record-picker/picker-sources';
import { documentFields } from '../../job-options';
import { JobForm } from '../job-form';
import { jobMessages } from './job-summary-tab';

/**
 * Transport tab: the carrier of the job's mode (shipping line, airline, haulier), vessel and
 * voyage or flight, booking, ports, dates and cut-offs, and the transport documents of the mode.
 * ATD and ATA are read-only: the departed and arrived milestones set them.
 */
@Component({
  selector: 'app-job-transport-tab',
  imports: [
    ControlError,
    DateField,
    DateTimeField,
    LocalDatePipe,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    RecordPicker,
    TranslocoDirective,
  ],
  template: `
    <div class="tab-body" *transloco="let t" [formGroup]="form()">
      @let j = job();
      <section class="card">
        <h2 class="card-title">{{ t('jobs.transport.carriage') }}</h2>
        <div class="grid">
          <app-record-picker
            [kind]="carrierKind()"
            formControlName="carrierCode"
            testId="job-carrier"
            [label]="t('jobs.fields.carrier')"
          />
          @if (sea()) {
            <app-record-picker
              kind="vessels"
              formControlName="vesselImo"
              testId="job-vessel"
              [label]="t('jobs.fields.vessel')"
              [noMatch]="t('jobs.transport.vesselNotListed')"
              (picked)="vesselPicked($event)"
            />
            <mat-form-field>
              <mat-label>{{ t('jobs.fields.vesselName') }}</mat-label>
              <input matInput formControlName="vesselName" data-testid="job-vessel-name" />
              <app-control-error matError [control]="form().controls.vesselName" />
              <mat-hint>{{ t('jobs.transport.vesselNameHint') }}</mat-hint>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('jobs.fields.voyageNumber') }}</mat-label>
              <input matInput formControlName="voyageNumber" data-testid="job-voyage" />
              <app-control-error matError [control]="form().controls.voyageNumber" />
            </mat-form-field>
          }
          @if (air()) {
            <mat-form-field>
              <mat-label>{{ t('jobs.fields.flightNumber') }}</mat-label>
              <input matInput formControlName="flightNumber" data-testid="job-flight" />
              <app-control-error matError [control]="form().controls.flightNumber" />
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ t('jobs.fields.bookingNumber') }}</mat-label>
            <input matInput formControlName="bookingNumber" data-testid="job-booking" />
            <app-control-error matError [control]="form().controls.bookingNumber" />
          </mat-form-field>
        </div>
      </section>

      <section class="card">
        <h2 class="card-title">{{ t('jobs.transport.route') }}</h2>
        <div class="grid">
          <app-record-picker
            kind="locations"
            formControlName="polCode"
            testId="job-pol"
            [label]="t('jobs.fields.pol')"
          />
          <app-record-picker
            kind="locations"
            formControlName="podCode"
            testId="job-pod"
            [label]="t('jobs.fields.pod')"
          />
          <mat-form-field>
            <mat-label>{{ t('jobs.fields.placeOfReceipt') }}</mat-label>
            <input matInput formControlName="placeOfReceipt" />
            <app-control-error matError [control]="form().controls.placeOfReceipt" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('jobs.fields.placeOfDelivery') }}</mat-label>
            <input matInput formControlName="placeOfDelivery" />
            <app-control-error matError [control]="form().controls.placeOfDelivery" />
          </mat-form-field>
        </div>
      </section>

      <section class="card">
        <h2 class="card-title">{{ t('jobs.transport.dates') }}</h2>
        <div class="grid">
          <app-date-field [control]="form().controls.etd" [label]="t('jobs.fields.etd')" testId="job-etd" />
          <app-date-field
            [control]="form().controls.eta"
            [label]="t('jobs.fields.eta')"
            [messages]="jobMessages(t)"
            testId="job-eta"
          />
          <dl class="facts">
            <div>
              <dt>{{ t('jobs.fields.atd') }}</dt>
              <dd data-testid="job-atd">{{ (j.atd | localDate: lang()) || '—' }}</dd>
            </div>
            <div>
              <dt>{{ t('jobs.fields.ata') }}</dt>
              <dd data-testid="job-ata">{{ (j.ata | localDate: lang()) || '—' }}</dd>
            </div>
          </dl>
          <app-date-time-field
            class="span-2"
            [control]="form().controls.cargoCutoffAt"
            [label]="t('jobs.fields.cargoCutoffAt')"
            testId="job-cargoCutoffAt"
          />
          <app-date-time-field
            class="span-2"
            [control]="form().controls.docCutoffAt"
            [label]="t('jobs.fields.docCutoffAt')"
            testId="job-docCutoffAt"
          />
          @if (sea()) {
            <app-date-time-field
              class="span-2"
              [control]="form().controls.vgmCutoffAt"
              [label]="t('jobs.fields.vgmCutoffAt')"
              testId="job-vgmCutoffAt"
            />
          }
        </div>
      </section>

      <section class="card">
        <h2 class="card-title">{{ t('jobs.transport.documents') }}</h2>
        <div class="grid">
          @for (field of documents(); track field) {
            <mat-form-field>
              <mat-label>{{ t('jobs.fields.' + field) }}</mat-label>
              <input
                matInput
                [formControlName]="field"
                [attr.data-testid]="'job-' + field"
                [placeholder]="field === 'mawbNumber' ? '176-12345675' : ''"
              />
              <app-control-error matError [control]="form().controls[field]" [messages]="jobMessages(t)" />
            </mat-form-field>
          }
        </div>
      </section>
    </div>
  `,
  styleUrl: './job-tabs.scss',
})
export class JobTransportTab {
  readonly job = input.required<Job>();
  readonly form = input.required<JobForm>();
  protected readonly lang = inject(LanguageService).active;
  protected readonly jobMessages = jobMessages;

  protected readonly carrierKind = computed(() => carrierKind(this.job().mode));
  protected readonly sea = computed(() => this.job().mode.startsWith('sea'));
  protected readonly air = computed(() => this.job().mode.startsWith('air'));
  protected readonly documents = computed(() => documentFields(this.job().mode));

  /** The job keeps the vessel's name beside its IMO number (documents print it). */
  protected vesselPicked(record: PickableRecord): void {
    const vessel = record as PickableRecordVessel;
    const name = this.form().controls.vesselName;
    name.setValue(vessel.name);
    name.markAsDirty();
  }
}
