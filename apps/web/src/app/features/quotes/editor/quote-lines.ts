import { CdkDragDrop, DragDropModule } from '@angular/cdk/drag-drop';
import { Component, inject, input, signal } from '@angular/core';
import { FormArray, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import type { ChargeType, QuoteLineTotals } from '@velosi/contracts';

import { ExchangeRatesApi } from '../../../core/api/exchange-rates-api';
import { LanguageService } from '../../../core/i18n/language.service';
import { RecordPicker, type PickableRecord } from '../../../shared/ui/record-picker/record-picker';
import { fieldError } from '../quote-errors';
import { BASE_CURRENCY, CURRENCIES, LINE_KINDS, LINE_UNITS, VAT_CHOICES, todayIso } from '../quote-options';
import { LineGroup, lineGroup } from './quote-form';
import { ProposedRate, proposeRate, rateHint } from './rate-hint';
import { LocalPercentPipe } from '../../../shared/ui/local-percent.pipe';
import { DecimalLanguageInput } from '../../../shared/forms/decimal-language-input';
import { LocalMoneyPipe } from '../../../shared/ui/local-money.pipe';

/**
 * The lines of a quote: add, remove, reorder (drag the handle, or the up/down buttons from the
 * keyboard), with each line's TND figures from the shared math next to it.
 */
@Component({
  selector: 'app-quote-lines',
  imports: [
    LocalMoneyPipe,
    DecimalLanguageInput,
    LocalPercentPipe,
    DragDropModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatTooltipModule,
    ReactiveFormsModule,
    RecordPicker,
    TranslocoDirective,
  ],
  templateUrl: './quote-lines.html',
  styleUrl: './quote-lines.scss',
})
export class QuoteLines {
  readonly lines = input.required<FormArray<LineGroup>>();
  /** Live figures per line (null: the line is not complete enough to compute). */
  readonly totals = input<readonly (QuoteLineTotals | null)[]>([]);
  /** Rate of the quote currency, offered to lines priced in that currency. */
  readonly quoteCurrency = input(BASE_CURRENCY);
  readonly quoteRate = input('');
  /** Day whose exchange rates are proposed (the quote's date: today for a draft being priced). */
  readonly rateDate = input(todayIso());

  private readonly rates = inject(ExchangeRatesApi);
  /** Per line: the reference rate just proposed ({ rate, date }), shown under the rate field. */
  protected readonly rateHints = signal<readonly (ProposedRate | null)[]>([]);

  private readonly announcer = inject(LiveAnnouncer);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).active;
  protected readonly kinds = LINE_KINDS;
  protected readonly units = LINE_UNITS;
  protected readonly vatRates = VAT_CHOICES;
  protected readonly currencies = CURRENCIES;
  protected readonly firstError = fieldError;
  protected readonly rateHint = rateHint;

  protected add(): void {
    const lines = this.lines();
    const freight = lines.length === 0;
    // First line: the freight (international carriage: VAT 0); then local costs at 19 %.
    lines.push(
      lineGroup({
        kind: freight ? 'freight' : 'additional_cost',
        vatRate: freight ? 0 : 19,
        unit: freight ? 'per_container' : 'shipment',
      }),
    );
    this.announce('quotes.lines.added', lines.length);
  }

  protected remove(index: number): void {
    this.lines().removeAt(index);
    this.rateHints.set(this.rateHints().filter((_, i) => i !== index));
    this.announce('quotes.lines.removed', index + 1);
  }

  protected move(from: number, to: number): void {
    const lines = this.lines();
    if (to < 0 || to >= lines.length || from === to) return;
    const control = lines.at(from);
    lines.removeAt(from, { emitEvent: false });
    lines.insert(to, control);
    const hints = [...this.rateHints()];
    const [moved] = hints.splice(from, 1);
    hints.splice(to, 0, moved ?? null);
    this.rateHints.set(hints);
    this.announce('quotes.lines.moved', to + 1);
  }

  protected drop(event: CdkDragDrop<unknown>): void {
    this.move(event.previousIndex, event.currentIndex);
  }

  /**
   * A TND line is at rate 1; another currency takes the rate already used for it on the quote,
   * else the reference rate of the quote's day (latest on or before it) is proposed — still
   * editable, and frozen on the line once saved.
   */
  protected onCurrency(index: number): void {
    const line = this.lines().at(index);
    const currency = line.controls.currency.value;
    this.setHint(index, null);
    if (currency === BASE_CURRENCY) {
      line.controls.exchangeRate.setValue('1');
      return;
    }
    const sibling = this.lines().controls.find(
      (other, i) =>
        i !== index && other.controls.currency.value === currency && other.controls.exchangeRate.value,
    );
    const rate =
      sibling?.controls.exchangeRate.value ?? (currency === this.quoteCurrency() ? this.quoteRate() : '');
    line.controls.exchangeRate.setValue(rate);
    line.controls.exchangeRate.markAsTouched();
    if (!rate) {
      proposeRate(this.rates, line.controls, this.rateDate(), this.lang(), (proposed) =>
        this.setHint(this.lines().controls.indexOf(line), proposed),
      );
    }
  }

  private setHint(index: number, hint: ProposedRate | null): void {
    if (index < 0) return;
    const hints = [...this.rateHints()];
    hints[index] = hint;
    this.rateHints.set(hints);
  }

  /** A charge type fills its line (description, unit, VAT, débours, kind); all stay editable. */
  protected onChargeType(index: number, record: PickableRecord): void {
    const type = record as ChargeType;
    const line = this.lines().at(index).controls;
    line.description.setValue(this.lang() === 'en' ? type.labelEn : type.labelFr);
    line.kind.setValue(type.kind);
    line.unit.setValue(type.defaultUnit);
    line.isDisbursement.setValue(type.isDisbursement);
    line.vatRate.setValue(type.isDisbursement ? 0 : type.defaultVatRate);
    if (type.isDisbursement) line.sellUnitPrice.setValue(line.buyUnitPrice.value);
  }

  /** Débours: re-billed at cost without VAT, so sell follows buy and VAT is 0. */
  protected onDisbursement(index: number): void {
    const line = this.lines().at(index).controls;
    if (!line.isDisbursement.value) return;
    line.vatRate.setValue(0);
    line.sellUnitPrice.setValue(line.buyUnitPrice.value);
  }

  protected onBuy(index: number): void {
    const line = this.lines().at(index).controls;
    if (line.isDisbursement.value) line.sellUnitPrice.setValue(line.buyUnitPrice.value);
  }

  protected isNegative(value: string | null | undefined): boolean {
    return !!value && value.startsWith('-');
  }

  private announce(key: string, position: number): void {
    void this.announcer.announce(this.transloco.translate(key, { position }));
  }
}
