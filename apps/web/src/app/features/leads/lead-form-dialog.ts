import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import type {
  FieldError,
  Lead,
  LeadCreateInput,
  LeadPriority,
  LeadSource,
  LeadStatus,
  LeadUpdate,
  Traffic,
  TransportNeed,
} from '@velosi/contracts';

import { firstError } from '../../shared/forms/form-errors';
import {
  AMOUNT_PATTERN,
  QUANTITY_PATTERN,
  applyApiErrors,
  textOrNull,
} from '../../shared/sales/form-problem';
import { isConflict } from '../../shared/sales/record-api';
import { RecordsHttp } from '../../shared/sales/records-http';
import { Notifier } from '../../shared/ui/notifier';
import { readProblem } from '../../core/http/problem';
import {
  CURRENCIES,
  EDITABLE_LEAD_STATUSES,
  LEAD_PRIORITIES,
  LEAD_SOURCES,
  TRAFFICS,
  TRANSPORT_NEEDS,
} from '../../shared/sales/sales-options';
import { ConflictNotifier } from '../../shared/sales/conflict-notifier';

export type LeadFormDialogData =
  { readonly mode: 'create' } | { readonly mode: 'edit'; readonly lead: Lead; readonly reload: () => void };

const VOLUME_UNITS = ['teu', 'containers', 'shipments', 'tons', 'kg', 'm3', 'pallets'] as const;
type VolumeUnit = (typeof VOLUME_UNITS)[number];

/** API paths that a differently named control edits. */
const ALIASES = {
  'estimatedAnnualValue.amount': 'valueAmount',
  'estimatedAnnualValue.currency': 'valueCurrency',
  'estimatedAnnualVolume.quantity': 'volumeQuantity',
  'estimatedAnnualVolume.unit': 'volumeUnit',
  estimatedAnnualValue: 'valueAmount',
  estimatedAnnualVolume: 'volumeQuantity',
};

/** Create or edit a prospect. Closes with the saved lead. */
@Component({
  selector: 'app-lead-form-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lead-form-dialog.html',
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class LeadFormDialog {
  private readonly data = inject<LeadFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<LeadFormDialog, Lead>>(MatDialogRef);
  private readonly records = inject(RecordsHttp);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly notifier = inject(Notifier);

  protected readonly lead = this.data.mode === 'edit' ? this.data.lead : null;
  protected readonly saving = signal(false);
  protected readonly otherErrors = signal<FieldError[]>([]);
  protected readonly firstError = firstError;
  protected readonly statuses = EDITABLE_LEAD_STATUSES;
  protected readonly sources = LEAD_SOURCES;
  protected readonly priorities = LEAD_PRIORITIES;
  protected readonly needs = TRANSPORT_NEEDS;
  protected readonly traffics = TRAFFICS;
  protected readonly currencies = CURRENCIES;
  protected readonly volumeUnits = VOLUME_UNITS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    fullName: [this.lead?.fullName ?? '', [Validators.required, Validators.maxLength(200)]],
    company: [this.lead?.company ?? '', [Validators.maxLength(200)]],
    email: [this.lead?.email ?? '', [Validators.email, Validators.maxLength(254)]],
    phone: [this.lead?.phone ?? '', [Validators.pattern(/^\+?[0-9][0-9 ().\-/]{4,28}[0-9]$/)]],
    industry: [this.lead?.industry ?? '', [Validators.maxLength(100)]],
    source: [(this.lead?.source ?? 'other') as LeadSource],
    status: [(this.lead?.status === 'converted' ? 'qualified' : (this.lead?.status ?? 'new')) as LeadStatus],
    priority: [(this.lead?.priority ?? 'medium') as LeadPriority],
    transportNeeds: [[...(this.lead?.transportNeeds ?? [])] as TransportNeed[]],
    traffic: [(this.lead?.traffic ?? null) as Traffic | null],
    volumeQuantity: [
      this.lead?.estimatedAnnualVolume?.quantity ?? '',
      [Validators.pattern(QUANTITY_PATTERN)],
    ],
    volumeUnit: [(this.lead?.estimatedAnnualVolume?.unit ?? 'teu') as VolumeUnit],
    valueAmount: [this.lead?.estimatedAnnualValue?.amount ?? '', [Validators.pattern(AMOUNT_PATTERN)]],
    valueCurrency: [this.lead?.estimatedAnnualValue?.currency ?? 'TND'],
    currentProvider: [this.lead?.currentProvider ?? '', [Validators.maxLength(200)]],
    nextFollowUpDate: [this.lead?.nextFollowUpDate ?? ''],
    tags: [(this.lead?.tags ?? []).join(', ')],
  });

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const body = this.body();
    const request = this.lead
      ? this.records.update<Lead, LeadUpdate>('leads', this.lead.id, {
          ...this.changes(body),
          version: this.lead.version,
        })
      : this.records.create<Lead>('leads', body);
    this.saving.set(true);
    this.otherErrors.set([]);
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        if (isConflict(error) && this.data.mode === 'edit') {
          // Stale version: nothing can be saved from here; the snack bar offers the reload.
          this.conflicts.handle(error, this.data.reload);
          this.dialogRef.close();
          return;
        }
        const unmatched = applyApiErrors(this.form, error, ALIASES);
        this.otherErrors.set(unmatched);
        if (!readProblem(error).errors?.length) this.notifier.problem(error);
      },
    });
  }

  private body(): LeadCreateInput {
    const v = this.form.getRawValue();
    const tags = [
      ...new Set(
        v.tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      ),
    ];
    return {
      fullName: v.fullName.trim(),
      company: textOrNull(v.company),
      email: textOrNull(v.email),
      phone: textOrNull(v.phone),
      industry: textOrNull(v.industry),
      source: v.source,
      status: v.status as Exclude<LeadStatus, 'converted'>,
      priority: v.priority,
      transportNeeds: v.transportNeeds,
      traffic: v.traffic,
      estimatedAnnualVolume: v.volumeQuantity.trim()
        ? { quantity: v.volumeQuantity.trim(), unit: v.volumeUnit }
        : null,
      estimatedAnnualValue: v.valueAmount.trim()
        ? { amount: v.valueAmount.trim(), currency: v.valueCurrency }
        : null,
      currentProvider: textOrNull(v.currentProvider),
      nextFollowUpDate: v.nextFollowUpDate || null,
      tags,
    };
  }

  /** PATCH semantics: only the fields the user touched (a dirty pair sends its whole object). */
  private changes(body: LeadCreateInput): Omit<LeadUpdate, 'version'> {
    const c = this.form.controls;
    const dirty = (...names: (keyof typeof c)[]) => names.some((name) => c[name].dirty);
    const out: Record<string, unknown> = {};
    const direct = [
      'fullName',
      'company',
      'email',
      'phone',
      'industry',
      'source',
      'status',
      'priority',
      'transportNeeds',
      'traffic',
      'currentProvider',
      'nextFollowUpDate',
      'tags',
    ] as const;
    for (const name of direct) if (dirty(name)) out[name] = body[name];
    if (dirty('volumeQuantity', 'volumeUnit')) out['estimatedAnnualVolume'] = body.estimatedAnnualVolume;
    if (dirty('valueAmount', 'valueCurrency')) out['estimatedAnnualValue'] = body.estimatedAnnualValue;
    return out as Omit<LeadUpdate, 'version'>;
  }
}
