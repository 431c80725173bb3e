import { Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type {
  Opportunity,
  OpportunityCreateInput,
  OpportunityUpdate,
  Traffic,
  TransportMode,
} from '@velosi/contracts';
import { COMPETITOR_LIMITS } from '@velosi/contracts/vocabulary';

import { AssigneesField, currentUserAssignees } from '../../shared/fields/assignees-field';
import { ChipsField } from '../../shared/fields/chips-field';
import { ControlError } from '../../shared/fields/control-error';
import { DateField } from '../../shared/fields/dates/date-field';
import { FORM_DIALOG_IMPORTS } from '../../shared/fields/form-dialog-body';
import { MoneyField } from '../../shared/fields/money-field';
import { SelectField } from '../../shared/fields/select-field';
import { TextField } from '../../shared/fields/text-field';
import { TransportFields } from '../../shared/fields/transport-fields';
import { LanguageService } from '../../core/i18n/language.service';
import { decimalInput, decimalValidator } from '../../shared/forms/decimal';
import { firstError } from '../../shared/forms/form-errors';
import { DialogSubmit } from '../../shared/sales/dialog-submit';
import { AMOUNT_PATTERN, changedFields, moneyOrNull, textOrNull } from '../../shared/sales/form-problem';
import { RecordsHttp } from '../../shared/sales/records-http';
import { OPEN_STAGES, OpenStage, STAGE_PROBABILITY } from '../../shared/sales/sales-options';
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
    FORM_DIALOG_IMPORTS,
    AssigneesField,
    ChipsField,
    ControlError,
    DateField,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MoneyField,
    RecordPicker,
    SelectField,
    TextField,
    TransportFields,
  ],
  templateUrl: './opportunity-form-dialog.html',
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class OpportunityFormDialog {
  private readonly data = inject<OpportunityFormDialogData>(MAT_DIALOG_DATA);
  private readonly records = inject(RecordsHttp);

  protected readonly opportunity = this.data.mode === 'edit' ? this.data.opportunity : null;
  protected readonly firstError = firstError;
  protected readonly stages = OPEN_STAGES;
  protected readonly competitorLimits = COMPETITOR_LIMITS;
  protected readonly parentKind = signal<'clients' | 'leads'>(
    this.data.mode === 'create' && this.data.leadId ? 'leads' : 'clients',
  );

  private readonly o = this.opportunity;
  private readonly lang = inject(LanguageService).active;
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
    valueAmount: [decimalInput(this.o?.value?.amount, this.lang()), [decimalValidator(AMOUNT_PATTERN)]],
    valueCurrency: [this.o?.value?.currency ?? 'TND'],
    expectedCloseDate: [this.o?.expectedCloseDate ?? ''],
    origin: [this.o?.origin ?? '', [Validators.maxLength(200)]],
    destination: [this.o?.destination ?? '', [Validators.maxLength(200)]],
    transportType: [(this.o?.transportType ?? null) as TransportMode | null],
    traffic: [(this.o?.traffic ?? null) as Traffic | null],
    competitors: [[...(this.o?.competitors ?? [])]],
    assignedTo: [[...(this.o?.assignedTo ?? currentUserAssignees())]],
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

  protected readonly submitter = new DialogSubmit<Opportunity>(this.form, {
    aliases: ALIASES,
    reload: this.data.mode === 'edit' ? this.data.reload : undefined,
  });

  protected submit(): void {
    this.submitter.run(() => {
      const v = this.form.getRawValue();
      const fields = {
        title: v.title.trim(),
        value: moneyOrNull(v.valueAmount, v.valueCurrency),
        probability: Number(v.probability),
        expectedCloseDate: v.expectedCloseDate || null,
        origin: textOrNull(v.origin),
        destination: textOrNull(v.destination),
        transportType: v.transportType,
        traffic: v.traffic,
        competitors: v.competitors,
        assignedTo: v.assignedTo,
      };
      if (this.data.mode === 'edit') {
        return this.records.update<Opportunity, OpportunityUpdate>(
          'opportunities',
          this.data.opportunity.id,
          {
            ...changedFields(this.form, fields, { value: ['valueAmount', 'valueCurrency'] }),
            version: this.data.opportunity.version,
          },
        );
      }
      const parent = this.parentKind() === 'clients' ? { clientId: v.parentId } : { leadId: v.parentId };
      const body: OpportunityCreateInput = { ...fields, ...parent, stage: v.stage };
      return this.records.create<Opportunity>('opportunities', body);
    });
  }
}
