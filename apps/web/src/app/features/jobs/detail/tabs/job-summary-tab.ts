import { Component, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Job, RoutePoint } from '@velosi/contracts';

import { LanguageService } from '../../../../core/i18n/language.service';
import { AssigneesField } from '../../../../shared/fields/assignees-field';
import { ControlError } from '../../../../shared/fields/control-error';
import { carriesContainers } from '../../job-options';
import { JobForm } from '../job-form';
import { DecimalLanguageInput } from '../../../../shared/forms/decimal-language-input';
import { LocalQuantityPipe } from '../../../../shared/ui/local-quantity.pipe';

/** Summary tab: what the quote carried over (read-only facts) and the cargo as operations know it. */
@Component({
  selector: 'app-job-summary-tab',
  imports: [
    LocalQuantityPipe,
    DecimalLanguageInput,
    AssigneesField,
    ControlError,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  template: `
    <div class="tab-body" *transloco="let t" [formGroup]="form()">
      @let j = job();
      <section class="card">
        <h2 class="card-title">{{ t('jobs.summary.title') }}</h2>
        <dl class="facts">
          <div>
            <dt>{{ t('jobs.fields.number') }}</dt>
            <dd>{{ j.number }}</dd>
          </div>
          <div>
            <dt>{{ t('jobs.fields.status') }}</dt>
            <dd>{{ t('jobs.status.' + j.status) }}</dd>
          </div>
          <div>
            <dt>{{ t('jobs.fields.client') }}</dt>
            <dd>{{ j.clientName }}</dd>
          </div>
          <div>
            <dt>{{ t('jobs.fields.contact') }}</dt>
            <dd>{{ j.contactName ?? '—' }}</dd>
          </div>
          <div>
            <dt>{{ t('jobs.fields.quote') }}</dt>
            <dd>{{ j.quoteNumber }}</dd>
          </div>
          <div>
            <dt>{{ t('jobs.fields.incoterm') }}</dt>
            <dd>{{ j.incoterm ?? '—' }} {{ j.incotermPlace ?? '' }}</dd>
          </div>
          <div>
            <dt>{{ t('jobs.fields.origin') }}</dt>
            <dd>{{ place(j.originName, j.origin) }}</dd>
          </div>
          <div>
            <dt>{{ t('jobs.fields.destination') }}</dt>
            <dd>{{ place(j.destinationName, j.destination) }}</dd>
          </div>
          <div>
            <dt>{{ t('jobs.fields.chargeableWeight') }}</dt>
            <dd>
              {{
                j.chargeableWeight
                  ? (j.chargeableWeight.value | localQuantity: lang()) + ' ' + j.chargeableWeight.unit
                  : '—'
              }}
            </dd>
          </div>
          @if (carriesContainers({ mode: j.mode, containers: j.containersRequested })) {
            <div>
              <dt>{{ t('jobs.fields.containersRequested') }}</dt>
              <dd>
                @for (c of j.containersRequested; track c.type) {
                  <span class="chip">{{ c.count }} × {{ c.type }}</span>
                } @empty {
                  —
                }
              </dd>
            </div>
          }
        </dl>
      </section>

      <section class="card">
        <h2 class="card-title">{{ t('jobs.summary.cargo') }}</h2>
        <div class="grid">
          <mat-form-field class="span-2">
            <mat-label>{{ t('jobs.fields.commodity') }}</mat-label>
            <input matInput formControlName="commodity" data-testid="job-commodity" />
            <app-control-error matError [control]="form().controls.commodity" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('jobs.fields.packagesCount') }}</mat-label>
            <input matInput type="number" min="0" formControlName="packagesCount" />
            <app-control-error matError [control]="form().controls.packagesCount" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('jobs.fields.grossWeightKg') }}</mat-label>
            <input
              matInput
              inputmode="decimal"
              formControlName="grossWeightKg"
              data-testid="job-grossWeightKg"
            />
            <app-control-error matError [control]="form().controls.grossWeightKg" [messages]="messages(t)" />
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ t('jobs.fields.volumeM3') }}</mat-label>
            <input matInput inputmode="decimal" formControlName="volumeM3" />
            <app-control-error matError [control]="form().controls.volumeM3" [messages]="messages(t)" />
          </mat-form-field>
          <mat-checkbox formControlName="dangerousGoods">{{ t('jobs.fields.dangerousGoods') }}</mat-checkbox>
          @if (form().controls.dangerousGoods.value) {
            <mat-form-field>
              <mat-label>{{ t('jobs.fields.unNumber') }}</mat-label>
              <input matInput formControlName="unNumber" placeholder="UN1263" />
              <app-control-error matError [control]="form().controls.unNumber" [messages]="messages(t)" />
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ t('jobs.fields.imoClass') }}</mat-label>
              <input matInput formControlName="imoClass" placeholder="3" />
              <app-control-error matError [control]="form().controls.imoClass" [messages]="messages(t)" />
            </mat-form-field>
          }
        </div>
      </section>

      <section class="card">
        <h2 class="card-title">{{ t('jobs.summary.follow') }}</h2>
        <div class="grid">
          <app-assignees-field class="span-2" [control]="form().controls.assignedTo" testId="job-assignees" />
          <mat-form-field>
            <mat-label>{{ t('jobs.fields.customsDeclarationRef') }}</mat-label>
            <input matInput formControlName="customsDeclarationRef" />
            <app-control-error matError [control]="form().controls.customsDeclarationRef" />
          </mat-form-field>
          <mat-slide-toggle formControlName="notifyClientOfMilestones" data-testid="job-notify-client">
            {{ t('jobs.fields.notifyClientOfMilestones') }}
          </mat-slide-toggle>
          <mat-form-field class="span-all">
            <mat-label>{{ t('jobs.fields.notes') }}</mat-label>
            <textarea matInput rows="3" formControlName="notes"></textarea>
            <app-control-error matError [control]="form().controls.notes" />
          </mat-form-field>
        </div>
      </section>
    </div>
  `,
  styleUrl: './job-tabs.scss',
})
export class JobSummaryTab {
  readonly job = input.required<Job>();
  readonly form = input.required<JobForm>();
  private readonly lang = inject(LanguageService).active;
  /** An air job asks for no containers: the row is left out unless some were asked. */
  protected readonly carriesContainers = carriesContainers;

  /** "Radès (TNRDS)", or the address typed on the quote. */
  protected place(name: string | null, point: RoutePoint): string {
    if (!point.locationCode) return point.address ?? '—';
    return name ? `${name} (${point.locationCode})` : point.locationCode;
  }

  /** The job's wording of the generic validation keys. */
  protected messages(t: (key: string) => string): Record<string, string> {
    return jobMessages(t);
  }
}

/** Job-specific texts of the validation keys the job form's controls may carry. */
export function jobMessages(t: (key: string) => string): Record<string, string> {
  return {
    'validation.decimal': t('jobs.validation.decimal'),
    'validation.positive': t('jobs.validation.positive'),
    'validation.pattern': t('jobs.validation.pattern'),
    'validation.imo': t('jobs.validation.imo'),
    'validation.awb': t('jobs.validation.awb'),
    'validation.container': t('jobs.validation.container'),
    'validation.containerTaken': t('jobs.validation.containerTaken'),
    'validation.etaBeforeEtd': t('jobs.validation.etaBeforeEtd'),
  };
}
