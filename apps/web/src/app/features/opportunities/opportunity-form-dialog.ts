import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import type {
  FieldError,
  Opportunity,
  OpportunityCreateInput,
  OpportunityUpdate,
  Traffic,
  TransportMode,
} from '@velosi/contracts';

import { readProblem } from '../../core/http/problem';
import { firstError } from '../../shared/forms/form-errors';
import { ConflictNotifier } from '../../shared/sales/conflict-notifier';
import { AMOUNT_PATTERN, applyApiErrors, textOrNull } from '../../shared/sales/form-problem';
import { isConflict } from '../../shared/sales/record-api';
import { RecordsHttp } from '../../shared/sales/records-http';
import {
  CURRENCIES,
  OPEN_STAGES,
  OpenStage,
  STAGE_PROBABILITY,
  TRAFFICS,
  TRANSPORT_MODES,
} from '../../shared/sales/sales-options';
import { Notifier } from '../../shared/ui/notifier';
import { RecordPicker } from '../../shared/ui/record-picker/record-picker';

export type OpportunityFormDialogData =
  | { readonly mode: 'create'; readonly clientId?: string; readonly leadId?: string }
  | { readonly mode: 'edit'; readonly opportunity: Opportunity; readonly reload: () => void };

const ALIASES = {
  'value.amount': 'valueAmount',
  'value.currency': 'valueCurrency',
  value: 'valueAmount',
  leadId: 'parentId',
  clientId: 'parentId',
};

/** Create an opportunity for a client or a lead, or edit one (stage changes go through the board). */
@Component({
  selector: 'app-opportunity-form-dialog',
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    RecordPicker,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './opportunity-form-dialog.html',
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class OpportunityFormDialog {
  private readonly data = inject<OpportunityFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<OpportunityFormDialog, Opportunity>>(MatDialogRef);
  private readonly records = inject(RecordsHttp);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly notifier = inject(Notifier);

  protected readonly opportunity = this.data.mode === 'edit' ? this.data.opportunity : null;
  protected readonly saving = signal(false);
  protected readonly otherErrors = signal<FieldError[]>([]);
  protected readonly firstError = firstError;
  protected readonly stages = OPEN_STAGES;
  protected readonly modes = TRANSPORT_MODES;
  protected readonly traffics = TRAFFICS;
  protected readonly currencies = CURRENCIES;
  protected readonly parentKind = signal<'clients' | 'leads'>(
    this.data.mode === 'create' && this.data.leadId ? 'leads' : 'clients',
  );

  private readonly o = this.opportunity;
  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [this.o?.title ?? '', [Validators.required, Validators.maxLength(200)]],
    parentId: [
      (this.data.mode === 'create' ? (this.data.clientId ?? this.data.leadId ?? null) : null) as
        string | null,
      this.o ? [] : [Validators.required],
    ],
    stage: ['prospecting' as OpenStage],
    probability: [
      this.o?.probability ?? STAGE_PROBABILITY.prospecting,
      [Validators.min(0), Validators.max(100)],
    ],
    valueAmount: [this.o?.value?.amount ?? '', [Validators.pattern(AMOUNT_PATTERN)]],
    valueCurrency: [this.o?.value?.currency ?? 'TND'],
    expectedCloseDate: [this.o?.expectedCloseDate ?? ''],
    origin: [this.o?.origin ?? '', [Validators.maxLength(200)]],
    destination: [this.o?.destination ?? '', [Validators.maxLength(200)]],
    transportType: [(this.o?.transportType ?? null) as TransportMode | null],
    traffic: [(this.o?.traffic ?? null) as Traffic | null],
    competitors: [(this.o?.competitors ?? []).join(', ')],
  });

  constructor() {
    // The stage's usual probability, until the user sets their own.
    this.form.controls.stage.valueChanges.subscribe((stage) => {
      if (!this.form.controls.probability.dirty)
        this.form.controls.probability.setValue(STAGE_PROBABILITY[stage]);
    });
  }

  protected setParentKind(kind: 'clients' | 'leads'): void {
    this.parentKind.set(kind);
    this.form.controls.parentId.setValue(null);
  }

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const fields = {
      title: v.title.trim(),
      value: v.valueAmount.trim() ? { amount: v.valueAmount.trim(), currency: v.valueCurrency } : null,
      probability: Number(v.probability),
      expectedCloseDate: v.expectedCloseDate || null,
      origin: textOrNull(v.origin),
      destination: textOrNull(v.destination),
      transportType: v.transportType,
      traffic: v.traffic,
      competitors: [
        ...new Set(
          v.competitors
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean),
        ),
      ],
    };
    let request;
    if (this.data.mode === 'edit') {
      const c = this.form.controls;
      const body: Record<string, unknown> = {};
      for (const key of [
        'title',
        'probability',
        'expectedCloseDate',
        'origin',
        'destination',
        'transportType',
        'traffic',
        'competitors',
      ] as const) {
        if (c[key].dirty) body[key] = fields[key];
      }
      if (c.valueAmount.dirty || c.valueCurrency.dirty) body['value'] = fields.value;
      request = this.records.update<Opportunity, OpportunityUpdate>(
        'opportunities',
        this.data.opportunity.id,
        {
          ...(body as Omit<OpportunityUpdate, 'version'>),
          version: this.data.opportunity.version,
        },
      );
    } else {
      const parent = this.parentKind() === 'clients' ? { clientId: v.parentId } : { leadId: v.parentId };
      const body: OpportunityCreateInput = { ...fields, ...parent, stage: v.stage };
      request = this.records.create<Opportunity>('opportunities', body);
    }
    this.saving.set(true);
    this.otherErrors.set([]);
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        if (isConflict(error) && this.data.mode === 'edit') {
          this.conflicts.showConflict(this.data.reload);
          this.dialogRef.close();
          return;
        }
        this.otherErrors.set(applyApiErrors(this.form, error, ALIASES));
        if (!readProblem(error).errors?.length) this.notifier.problem(error);
      },
    });
  }
}
