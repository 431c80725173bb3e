import { Component, inject } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoService } from '@jsverse/transloco';
import type { Lead, LeadConversion, LeadConvertInput, TransportMode } from '@velosi/contracts';

import { ControlError } from '../../shared/fields/control-error';
import { CurrencyField } from '../../shared/fields/currency-field';
import { DateField } from '../../shared/fields/dates/date-field';
import { FORM_DIALOG_IMPORTS } from '../../shared/fields/form-dialog-body';
import { MoneyField } from '../../shared/fields/money-field';
import { SelectField } from '../../shared/fields/select-field';
import { TextField } from '../../shared/fields/text-field';
import { TransportFields } from '../../shared/fields/transport-fields';
import { LanguageService } from '../../core/i18n/language.service';
import { decimalInput, decimalValidator } from '../../shared/forms/decimal';
import { DialogSubmit } from '../../shared/sales/dialog-submit';
import { AMOUNT_PATTERN, moneyOrNull, textOrNull } from '../../shared/sales/form-problem';
import { RecordsHttp } from '../../shared/sales/records-http';
import { OPEN_STAGES, OpenStage } from '../../shared/sales/sales-options';

export interface LeadConvertDialogData {
  readonly lead: Lead;
  readonly reload: () => void;
}

/** API paths (`client.name`, `contact.emails.0` …) → controls of this flat form. */
const ALIASES: Record<string, string> = {
  'client.name': 'clientName',
  'client.fiscalId': 'fiscalId',
  'client.country': 'country',
  'client.currency': 'currency',
  'client.city': 'city',
  'contact.firstName': 'firstName',
  'contact.lastName': 'lastName',
  'contact.position': 'position',
  'contact.emails': 'email',
  'contact.phones': 'phone',
  'opportunity.title': 'title',
  'opportunity.value': 'valueAmount',
  'opportunity.stage': 'stage',
  'opportunity.transportType': 'transportType',
  'opportunity.expectedCloseDate': 'expectedCloseDate',
};

/** Best guess of the first and last name in "Amira Ben Salah": first word, then the rest. */
function splitName(fullName: string): { first: string; last: string } {
  const parts = fullName.trim().split(/\s+/);
  return parts.length > 1
    ? { first: parts[0] ?? '', last: parts.slice(1).join(' ') }
    : { first: '', last: fullName.trim() };
}

/** Mode of a quote from the coarse need the prospect stated. */
function modeOf(lead: Lead): TransportMode | null {
  const need = lead.transportNeeds[0];
  if (!need) return null;
  return need === 'road' ? 'road_ftl' : need;
}

/**
 * Turns a prospect into a client (+ primary contact) and an opportunity in one call
 * (`POST /api/leads/:id/convert`), pre-filled from the lead. Closes with the conversion result.
 */
@Component({
  selector: 'app-lead-convert-dialog',
  imports: [
    FORM_DIALOG_IMPORTS,
    ControlError,
    CurrencyField,
    DateField,
    MatFormFieldModule,
    MatInputModule,
    MoneyField,
    SelectField,
    TextField,
    TransportFields,
  ],
  templateUrl: './lead-convert-dialog.html',
  styleUrl: '../../shared/sales/form-dialog.scss',
})
export class LeadConvertDialog {
  private readonly data = inject<LeadConvertDialogData>(MAT_DIALOG_DATA);
  private readonly records = inject(RecordsHttp);

  protected readonly lead = this.data.lead;
  protected readonly stages = OPEN_STAGES;

  private readonly transloco = inject(TranslocoService);
  private readonly name = splitName(this.lead.fullName);
  private readonly needs = this.lead.transportNeeds
    .map((need) => this.transloco.translate(`sales.transportNeed.${need}`))
    .join(', ');
  private readonly lang = inject(LanguageService).active;
  protected readonly form = inject(NonNullableFormBuilder).group({
    clientName: [this.lead.company ?? this.lead.fullName, [Validators.required, Validators.maxLength(200)]],
    fiscalId: ['', [Validators.maxLength(50)]],
    city: ['', [Validators.maxLength(100)]],
    country: ['TN', [Validators.required, Validators.pattern(/^[A-Z]{2}$/)]],
    currency: [this.lead.estimatedAnnualValue?.currency ?? 'TND', [Validators.required]],
    firstName: [this.name.first, [Validators.maxLength(100)]],
    lastName: [this.name.last, [Validators.required, Validators.maxLength(100)]],
    position: ['', [Validators.maxLength(100)]],
    email: [this.lead.email ?? '', [Validators.email]],
    phone: [this.lead.phone ?? ''],
    title: [
      (this.needs
        ? `${this.lead.company ?? this.lead.fullName} — ${this.needs}`
        : (this.lead.company ?? this.lead.fullName)
      ).slice(0, 200),
      [Validators.required, Validators.maxLength(200)],
    ],
    stage: ['qualification' as OpenStage],
    valueAmount: [
      decimalInput(this.lead.estimatedAnnualValue?.amount, this.lang()),
      [decimalValidator(AMOUNT_PATTERN)],
    ],
    valueCurrency: [this.lead.estimatedAnnualValue?.currency ?? 'TND'],
    transportType: [modeOf(this.lead)],
    expectedCloseDate: [''],
  });

  protected readonly submitter = new DialogSubmit<LeadConversion>(this.form, {
    aliases: ALIASES,
    reload: this.data.reload,
  });

  protected submit(): void {
    this.submitter.run(() =>
      this.records.action<LeadConversion>('leads', this.lead.id, 'convert', this.body()),
    );
  }

  private body(): LeadConvertInput {
    const v = this.form.getRawValue();
    return {
      version: this.lead.version,
      client: {
        name: v.clientName.trim(),
        fiscalId: textOrNull(v.fiscalId),
        city: textOrNull(v.city),
        country: v.country.trim().toUpperCase(),
        currency: v.currency,
      },
      contact: {
        firstName: textOrNull(v.firstName),
        lastName: v.lastName.trim(),
        position: textOrNull(v.position),
        emails: v.email.trim() ? [v.email.trim()] : [],
        phones: v.phone.trim() ? [v.phone.trim()] : [],
      },
      opportunity: {
        title: v.title.trim(),
        stage: v.stage,
        value: moneyOrNull(v.valueAmount, v.valueCurrency),
        transportType: v.transportType,
        traffic: this.lead.traffic ?? null,
        expectedCloseDate: v.expectedCloseDate || null,
      },
    };
  }
}
