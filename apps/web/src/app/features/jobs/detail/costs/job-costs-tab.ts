import { Component, ElementRef, computed, effect, inject, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import type { JobCharge, JobChargeSide } from '@velosi/contracts';

import { LanguageService } from '../../../../core/i18n/language.service';
import { InlineFormActions } from '../../../../shared/detail/inline-form-actions';
import { RowActions } from '../../../../shared/detail/row-actions';
import { ControlError } from '../../../../shared/fields/control-error';
import { RecordPicker } from '../../../../shared/ui/record-picker/record-picker';
import { BASE_CURRENCY, CURRENCIES, VAT_CHOICES } from '../../../quotes/quote-options';
import { CHARGE_SIDES, CHARGE_STAGES } from '../../job-options';
import { chargeBody, chargeForm, chargeFormValue, chargePreviewTnd } from './job-charge-form';
import { JobPartEditor, JobPartTab } from '../tabs/job-part-form';
import { jobMessages } from '../tabs/job-summary-tab';
import { LocalPercentPipe } from '../../../../shared/ui/local-percent.pipe';
import { DecimalLanguageInput } from '../../../../shared/forms/decimal-language-input';
import { JobProfitColumns, type ProfitBasis } from '../profit/job-profit-columns';
import { marginReading } from '../profit/margin-reading';
import { LocalMoneyPipe } from '../../../../shared/ui/local-money.pipe';
import { LocalQuantityPipe } from '../../../../shared/ui/local-quantity.pipe';
import { ExchangeRatesApi } from '../../../../core/api/exchange-rates-api';
import { type ProposedRate, rateForCurrency, rateHint } from '../../../quotes/editor/rate-hint';

/**
 * Costs & margin tab ("Coûts et marge"): revenue, cost and margin in TND, planned (the quote)
 * beside actual (the job's own lines), as the API computes them with the shared money code — never planned sales less
 * actual costs; the revenue and cost lines planned from the quote and recorded since, and a line
 * form for those holding `jobs:costs`.
 */
@Component({
  selector: 'app-job-costs-tab',
  imports: [
    LocalQuantityPipe,
    LocalMoneyPipe,
    DecimalLanguageInput,
    LocalPercentPipe,
    ControlError,
    InlineFormActions,
    JobProfitColumns,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    RecordPicker,
    RouterLink,
    RowActions,
    TranslocoDirective,
  ],
  templateUrl: './job-costs-tab.html',
  styleUrls: ['../tabs/job-tabs.scss', '../tabs/job-items.scss', './job-costs-tab.scss'],
})
export class JobCostsTab extends JobPartTab {
  protected readonly lang = inject(LanguageService).active;
  protected readonly form = chargeForm();
  private readonly partForm = viewChild<ElementRef<HTMLElement>>('partForm');
  protected readonly editor = new JobPartEditor(this.saver, this.form, {
    formValue: (charge: JobCharge) => chargeFormValue(charge, this.lang()),
    body: chargeBody,
    add: (body) => this.api.addCharge(this.job().id, body),
    update: (charge, body) =>
      this.api.updateCharge(this.job().id, charge.id, { ...body, version: charge.version }),
    addedKey: 'jobs.costs.saved',
    updatedKey: 'jobs.costs.saved',
    formElement: () => this.partForm()?.nativeElement,
  });
  private readonly typed = toSignal(this.form.valueChanges);
  /** The line's TND amount as it will be saved, under the figures being typed. */
  protected readonly previewTnd = computed(() => {
    this.typed();
    return chargePreviewTnd(this.form);
  });
  protected readonly sides = CHARGE_SIDES;
  protected readonly stages = CHARGE_STAGES;
  protected readonly currencies = CURRENCIES;
  protected readonly vatRates = VAT_CHOICES;
  protected readonly base = BASE_CURRENCY;
  protected readonly messages = jobMessages;
  protected readonly bases: readonly ProfitBasis[] = ['planned', 'actual'];
  /** A loss, planned or actual, turns the card red (not a column with only costs or only sales). */
  protected readonly loss = computed(() => {
    const { planned, actual } = this.job().profit;
    return marginReading(planned) === 'loss' || marginReading(actual) === 'loss';
  });

  protected readonly lines = computed(() => {
    const bySide = (side: JobChargeSide) =>
      this.job()
        .charges.filter((c) => c.side === side)
        .sort((a, b) => a.stage.localeCompare(b.stage));
    return { revenue: bySide('revenue'), cost: bySide('cost') };
  });

  private readonly rates = inject(ExchangeRatesApi);
  /** The reference rate put in the rate field when a foreign currency was chosen, for its hint. */
  protected readonly proposedRate = signal<ProposedRate | null>(null);
  protected readonly rateHint = rateHint;
  // Another line opened in the form, or the form saved or cancelled: the hint was about the line left.
  private readonly forgetProposedRate = effect(() => {
    this.editor.editing();
    this.proposedRate.set(null);
  });

  /**
   * A currency chosen for the line: TND is at rate 1; another currency gets the reference rate of
   * the day (still editable), or an empty required field when none is on file, never the TND's 1.
   */
  protected onCurrency(): void {
    this.proposedRate.set(null);
    rateForCurrency(this.rates, this.form.controls, this.lang(), (proposed) =>
      this.proposedRate.set(proposed),
    );
  }

  protected add(side: JobChargeSide): void {
    this.editor.cancel();
    this.form.controls.side.setValue(side);
    this.editor.reveal();
  }

  protected remove(charge: JobCharge): void {
    void this.saver.remove(() => this.api.deleteCharge(this.job().id, charge.id), 'jobs.costs', {
      description: charge.description,
    });
  }
}
