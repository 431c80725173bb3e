import { Component, computed, effect, inject, untracked } from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  milestoneClash,
  skippedMilestones,
  type JobMilestone,
  type JobMilestoneKind,
} from '@velosi/contracts';

import { LanguageService } from '../../../../core/i18n/language.service';
import { RowActions } from '../../../../shared/detail/row-actions';
import { DateTimeField } from '../../../../shared/fields/dates/date-time-field';
import { localInputToIso, textOrNull } from '../../../../shared/sales/form-problem';
import { LocalDatePipe, formatLocalDate } from '../../../../shared/ui/local-date.pipe';
import { OwnerNamesPipe } from '../../../../shared/ui/owner-names.pipe';
import { MILESTONE_KINDS, nowLocalInput } from '../../job-options';
import { JobPartTab } from './job-part-form';

/** The kind proposed next: the first one not recorded yet, in the usual order. */
function nextKind(milestones: readonly JobMilestone[]): JobMilestoneKind {
  const done = new Set(milestones.map((m) => m.kind));
  return MILESTONE_KINDS.find((kind) => !done.has(kind)) ?? 'delivered';
}

/**
 * A milestone records what happened (its dates are the job's actual ATD and ATA): not later than
 * now, give or take a phone clock's few minutes, as the API checks.
 */
function happened(control: AbstractControl<string>): ValidationErrors | null {
  const iso = localInputToIso(control.value);
  return iso && Date.parse(iso) > Date.now() + 5 * 60_000 ? { notFuture: true } : null;
}

/**
 * Milestones tab: the job's events, newest first, and a quick entry made for a phone at the port
 * (390 px): pick the kind, the date-time is now unless changed, place and note optional.
 * Departed and arrived set ATD/ATA and move the status (the API does it). Recording a kind past
 * earlier ones not recorded asks first, naming them.
 */
@Component({
  selector: 'app-job-milestones-tab',
  imports: [
    DateTimeField,
    LocalDatePipe,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    OwnerNamesPipe,
    ReactiveFormsModule,
    RowActions,
    TranslocoDirective,
  ],
  template: `
    <div class="tab-body" *transloco="let t">
      @if (canWrite()) {
        <section class="card quick" [formGroup]="form" data-testid="milestone-entry">
          <h2 class="card-title">{{ t('jobs.milestones.record') }}</h2>
          <mat-button-toggle-group
            formControlName="kind"
            class="kinds"
            [attr.aria-label]="t('jobs.milestones.kind')"
            data-testid="milestone-kind"
          >
            @for (kind of kinds; track kind) {
              <mat-button-toggle [value]="kind" [attr.data-testid]="'milestone-kind-' + kind">
                {{ t('jobs.milestoneKinds.' + kind) }}
              </mat-button-toggle>
            }
          </mat-button-toggle-group>
          <div class="grid">
            <app-date-time-field
              class="span-2"
              [control]="form.controls.occurredAt"
              [label]="t('jobs.milestones.occurredAt')"
              [messages]="{ 'validation.notFuture': t('jobs.milestones.notFuture') }"
              testId="milestone-at"
            />
            <mat-form-field>
              <mat-label>{{ t('jobs.milestones.place') }}</mat-label>
              <input matInput formControlName="place" data-testid="milestone-place" />
            </mat-form-field>
            <mat-form-field class="span-all">
              <mat-label>{{ t('jobs.milestones.note') }}</mat-label>
              <input matInput formControlName="note" data-testid="milestone-note" />
            </mat-form-field>
          </div>
          @for (message of saver.errors(); track message) {
            <p class="error" role="alert">{{ message }}</p>
          }
          <button
            mat-flat-button
            type="button"
            class="record"
            data-testid="milestone-save"
            [disabled]="saver.busy()"
            (click)="record()"
          >
            <mat-icon svgIcon="add" aria-hidden="true" />
            {{ t('jobs.milestones.save') }}
          </button>
        </section>
      }

      <section class="card">
        <h2 class="card-title">{{ t('jobs.tabs.milestones') }}</h2>
        @if (sorted().length === 0) {
          <p class="muted" data-testid="job-milestones-empty">{{ t('jobs.milestones.empty') }}</p>
        } @else {
          <ul class="items" data-testid="job-milestones">
            @for (m of sorted(); track m.id) {
              <li [attr.data-testid]="'job-milestone-' + m.kind">
                <div>
                  <strong>{{ t('jobs.milestoneKinds.' + m.kind) }}</strong>
                  · {{ m.occurredAt | localDate: lang() : 'dateTime' }}
                  @if (m.place) {
                    · {{ m.place }}
                  }
                  <span class="muted block">
                    <!-- Recorded by the system (demo, automation): said so, as the history does. -->
                    @let by =
                      m.recordedBy === 'system'
                        ? t('sales.history.actor.system')
                        : ([m.recordedBy] | ownerNames);
                    @if (by) {
                      {{ t('jobs.milestones.by', { name: by }) }}
                    }
                    @if (m.note) {
                      — {{ m.note }}
                    }
                  </span>
                </div>
                @if (canWrite()) {
                  <app-row-actions [deleteLabel]="t('jobs.milestones.delete')" (remove)="remove(m)" />
                }
              </li>
            }
          </ul>
        }
      </section>
    </div>
  `,
  styleUrls: ['./job-tabs.scss', './job-items.scss'],
  styles: `
    .kinds {
      display: flex;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }

    .record {
      width: 100%;
      max-width: 320px;
    }

    @media (max-width: 599px) {
      .kinds mat-button-toggle {
        flex: 1 1 45%;
      }

      .record {
        max-width: none;
        min-height: 48px;
      }
    }
  `,
})
export class JobMilestonesTab extends JobPartTab {
  protected readonly lang = inject(LanguageService).active;
  private readonly transloco = inject(TranslocoService);
  protected readonly kinds = MILESTONE_KINDS;
  protected readonly form = new FormGroup({
    kind: new FormControl<JobMilestoneKind>('booked', { nonNullable: true, validators: Validators.required }),
    occurredAt: new FormControl(nowLocalInput(), {
      nonNullable: true,
      validators: [Validators.required, happened],
    }),
    place: new FormControl('', { nonNullable: true, validators: Validators.maxLength(200) }),
    note: new FormControl('', { nonNullable: true, validators: Validators.maxLength(2000) }),
  });
  protected readonly sorted = computed(() =>
    [...this.job().milestones].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)),
  );

  constructor() {
    super();
    // The kind proposed first follows what the job already has (once its input is there).
    let proposed = false;
    effect(() => {
      this.job();
      if (proposed) return;
      proposed = true;
      untracked(() => this.resetForm());
    });
  }

  protected async record(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.saver.focusInvalid();
      return;
    }
    const v = this.form.getRawValue();
    if (this.clashes(v.kind, v.occurredAt)) return;
    const skipped = skippedMilestones(this.job().milestones, v.kind);
    if (skipped.length > 0) {
      const ok = await this.saver.confirm({
        titleKey: 'jobs.milestones.skipTitle',
        messageKey: 'jobs.milestones.skipMessage',
        confirmKey: 'jobs.milestones.skipConfirm',
        params: { kind: this.transloco.translate(`jobs.milestoneKinds.${v.kind}`) },
        lines: skipped.map((kind) => ({ key: `jobs.milestoneKinds.${kind}` })),
      });
      if (!ok) return;
    }
    const body = {
      kind: v.kind,
      occurredAt: localInputToIso(v.occurredAt) ?? new Date().toISOString(),
      place: textOrNull(v.place),
      note: textOrNull(v.note),
    };
    this.saver.save(this.form, this.api.addMilestone(this.job().id, body), 'jobs.milestones.saved', () =>
      this.resetForm(body.kind),
    );
  }

  /**
   * A step recorded already, or dated before an earlier step or after a later one (the API's rule):
   * said under the date, naming the milestone it clashes with.
   */
  private clashes(kind: JobMilestoneKind, occurredAt: string): boolean {
    const iso = localInputToIso(occurredAt);
    const clash = iso ? milestoneClash({ kind, occurredAt: iso }, this.job().milestones) : null;
    if (!clash) return false;
    const control = this.form.controls.occurredAt;
    const reason = { twice: 'milestoneTwice', before: 'milestoneBefore', after: 'milestoneAfter' }[
      clash.reason
    ];
    control.setErrors({
      [reason]: {
        kind: this.transloco.translate(`jobs.milestoneKinds.${clash.kind}`),
        date: formatLocalDate(clash.occurredAt, this.lang(), 'dateTime'),
      },
    });
    control.markAsTouched();
    return true;
  }

  protected remove(milestone: JobMilestone): void {
    void this.saver.remove(() => this.api.deleteMilestone(this.job().id, milestone.id), 'jobs.milestones');
  }

  /** Ready for the next event: the kind after the one just recorded, now, no place or note. */
  private resetForm(last?: JobMilestoneKind): void {
    const recorded = last
      ? [...this.job().milestones, { kind: last } as JobMilestone]
      : this.job().milestones;
    this.form.reset({ kind: nextKind(recorded), occurredAt: nowLocalInput(), place: '', note: '' });
  }
}
