import { Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import {
  EmailSchema,
  PhoneSchema,
  type Lead,
  type LeadCreateInput,
  type LeadPriority,
  type LeadSource,
  type LeadStatus,
  type LeadUpdate,
  type Traffic,
  type TransportNeed,
} from '@velosi/contracts';
import { TAG_LIMITS } from '@velosi/contracts/vocabulary';

import { AssigneesField, currentUserAssignees } from '../../shared/fields/assignees-field';
import { ChipsField } from '../../shared/fields/chips-field';
import { DateField } from '../../shared/fields/dates/date-field';
import { FORM_DIALOG_IMPORTS } from '../../shared/fields/form-dialog-body';
import { MoneyField } from '../../shared/fields/money-field';
import { SelectField } from '../../shared/fields/select-field';
import { TextField } from '../../shared/fields/text-field';
import { TransportFields } from '../../shared/fields/transport-fields';
import { LanguageService } from '../../core/i18n/language.service';
import { decimalInput, decimalOrNull, decimalValidator, normalizeDecimal } from '../../shared/forms/decimal';
import { schemaValidator } from '../../shared/forms/schema-validator';
import { notBlank } from '../../shared/forms/text-control';
import { DialogSubmit } from '../../shared/sales/dialog-submit';
import { AMOUNT_PATTERN, changedFields, moneyOrNull, textOrNull } from '../../shared/sales/form-problem';
import { RecordsHttp } from '../../shared/sales/records-http';
import { EDITABLE_LEAD_STATUSES, LEAD_PRIORITIES, LEAD_SOURCES } from '../../shared/sales/sales-options';

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

/** Body fields edited by differently named controls. */
const CONTROLS_OF = {
  estimatedAnnualVolume: ['volumeQuantity', 'volumeUnit'],
  estimatedAnnualValue: ['valueAmount', 'valueCurrency'],
} as const;

/** Create or edit a prospect. Closes with the saved lead. */
@Component({
  selector: 'app-lead-form-dialog',
  imports: [
    FORM_DIALOG_IMPORTS,
    AssigneesField,
    ChipsField,
    DateField,
    MoneyField,
    SelectField,
    TextField,
    TransportFields,
  ],
  templateUrl: './lead-form-dialog.html',
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class LeadFormDialog {
  private readonly data = inject<LeadFormDialogData>(MAT_DIALOG_DATA);
  private readonly records = inject(RecordsHttp);

  protected readonly lead = this.data.mode === 'edit' ? this.data.lead : null;
  protected readonly statuses = EDITABLE_LEAD_STATUSES;
  protected readonly sources = LEAD_SOURCES;
  protected readonly priorities = LEAD_PRIORITIES;
  protected readonly volumeUnits = VOLUME_UNITS;
  protected readonly tagLimits = TAG_LIMITS;
  private readonly lang = inject(LanguageService).active;

  protected readonly form = inject(NonNullableFormBuilder).group({
    fullName: [this.lead?.fullName ?? '', [Validators.required, notBlank, Validators.maxLength(200)]],
    company: [this.lead?.company ?? '', [Validators.maxLength(200)]],
    // The contract's e-mail check: Angular's own takes "a@b", which the API refuses.
    email: [this.lead?.email ?? '', [schemaValidator(EmailSchema, 'email')]],
    phone: [this.lead?.phone ?? '', [schemaValidator(PhoneSchema, 'phone')]],
    industry: [this.lead?.industry ?? '', [Validators.maxLength(100)]],
    source: [(this.lead?.source ?? 'other') as LeadSource],
    status: [(this.lead?.status === 'converted' ? 'qualified' : (this.lead?.status ?? 'new')) as LeadStatus],
    priority: [(this.lead?.priority ?? 'medium') as LeadPriority],
    transportNeeds: [[...(this.lead?.transportNeeds ?? [])] as TransportNeed[]],
    traffic: [(this.lead?.traffic ?? null) as Traffic | null],
    volumeQuantity: [
      decimalInput(this.lead?.estimatedAnnualVolume?.quantity, this.lang(), { trimZeros: true }),
      [decimalValidator(AMOUNT_PATTERN, { strictlyPositive: true })],
    ],
    volumeUnit: [(this.lead?.estimatedAnnualVolume?.unit ?? 'teu') as VolumeUnit],
    valueAmount: [
      decimalInput(this.lead?.estimatedAnnualValue?.amount, this.lang()),
      [decimalValidator(AMOUNT_PATTERN)],
    ],
    valueCurrency: [this.lead?.estimatedAnnualValue?.currency ?? 'TND'],
    currentProvider: [this.lead?.currentProvider ?? '', [Validators.maxLength(200)]],
    nextFollowUpDate: [this.lead?.nextFollowUpDate ?? ''],
    tags: [[...(this.lead?.tags ?? [])]],
    assignedTo: [[...(this.lead?.assignedTo ?? currentUserAssignees())]],
  });

  protected readonly submitter = new DialogSubmit<Lead>(this.form, {
    aliases: ALIASES,
    reload: this.data.mode === 'edit' ? this.data.reload : undefined,
  });

  protected submit(): void {
    this.submitter.run(() => {
      const body = this.body();
      return this.lead
        ? this.records.update<Lead, LeadUpdate>('leads', this.lead.id, {
            ...changedFields(this.form, body, CONTROLS_OF),
            version: this.lead.version,
          })
        : this.records.create<Lead>('leads', body);
    });
  }

  private body(): LeadCreateInput {
    const v = this.form.getRawValue();
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
      estimatedAnnualVolume: decimalOrNull(v.volumeQuantity)
        ? { quantity: normalizeDecimal(v.volumeQuantity), unit: v.volumeUnit }
        : null,
      estimatedAnnualValue: moneyOrNull(v.valueAmount, v.valueCurrency),
      currentProvider: textOrNull(v.currentProvider),
      nextFollowUpDate: v.nextFollowUpDate || null,
      tags: v.tags,
      assignedTo: v.assignedTo,
    };
  }
}
