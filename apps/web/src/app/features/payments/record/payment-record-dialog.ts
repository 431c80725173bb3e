import { afterNextRender, Component, computed, ElementRef, inject, Injector, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog } from '@angular/material/dialog';
import { MatInputModule } from '@angular/material/input';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { ErrorStateMatcher } from '@angular/material/core';
import { provideTranslocoScope } from '@jsverse/transloco';
import type { OpenInvoice, Payment, PaymentMethod } from '@velosi/contracts';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';
import { catchError, distinctUntilChanged, firstValueFrom, map, of, startWith, switchMap } from 'rxjs';

import { LanguageService } from '../../../core/i18n/language.service';
import { DateField } from '../../../shared/fields/dates/date-field';
import { FORM_DIALOG_IMPORTS } from '../../../shared/fields/form-dialog-body';
import { MoneyField } from '../../../shared/fields/money-field';
import { SelectField } from '../../../shared/fields/select-field';
import { TextField } from '../../../shared/fields/text-field';
import { decimalInput, decimalValidator } from '../../../shared/forms/decimal';
import { textControl } from '../../../shared/forms/text-control';
import { DialogSubmit } from '../../../shared/sales/dialog-submit';
import { AMOUNT_PATTERN } from '../../../shared/sales/form-problem';
import { ConfirmDialog, type ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { LocalDatePipe, formatLocalDate } from '../../../shared/ui/local-date.pipe';
import { RecordPicker } from '../../../shared/ui/record-picker/record-picker';
import { ReceivablesApi } from '../../receivables/receivables-api';
import { PAYMENT_METHODS, todayIso } from '../payment-options';
import { PaymentsApi } from '../payments-api';
import {
  allocatedTotals,
  allocationIssue,
  allocationRows,
  distribute,
  followReceived,
  paymentIssues,
  paymentRequest,
  paymentWarnings,
  type AllocationValue,
  type PaymentWarnings,
  type PaymentFormValue,
} from './payment-form-model';
import { DecimalLanguageInput } from '../../../shared/forms/decimal-language-input';
import { formatMoney } from '../../../shared/sales/money';

/** What the dialog starts from: nothing (the payments list) or an invoice (its detail page). */
export interface PaymentRecordDialogData {
  readonly clientId: string | null;
  readonly invoiceId: string | null;
  /** The invoice's currency: the payment settles it in that currency. */
  readonly currency?: string;
}

type AllocationGroup = FormGroup<{
  invoiceId: FormControl<string>;
  selected: FormControl<boolean>;
  amount: FormControl<string>;
  withholding: FormControl<string>;
}>;

const allocationGroup = (row: AllocationValue): AllocationGroup =>
  new FormGroup({
    invoiceId: new FormControl(row.invoiceId, { nonNullable: true }),
    selected: new FormControl(row.selected, { nonNullable: true }),
    amount: new FormControl(row.amount, { nonNullable: true }),
    withholding: new FormControl(row.withholding, { nonNullable: true }),
  });

/**
 * "Enregistrer un paiement": money received from one client, allocated to one or several of its
 * open invoices (each with the cash applied and the withholding tax retained on it), with the
 * certificate's reference when tax was withheld. Sends `POST /api/payments`; closes with the receipt.
 */
@Component({
  selector: 'app-payment-record-dialog',
  imports: [
    DecimalLanguageInput,
    FORM_DIALOG_IMPORTS,
    DateField,
    LocalDatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MoneyField,
    RecordPicker,
    SelectField,
    TextField,
  ],
  providers: [provideTranslocoScope('payments')],
  templateUrl: './payment-record-dialog.html',
  styleUrls: ['../../../shared/sales/form-dialog.scss', './payment-record-dialog.scss'],
})
export class PaymentRecordDialog {
  private readonly api = inject(PaymentsApi);
  private readonly receivables = inject(ReceivablesApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly dialog = inject(MatDialog);
  protected readonly data = inject<PaymentRecordDialogData>(MAT_DIALOG_DATA);
  protected readonly lang = inject(LanguageService).active;
  protected readonly methods = PAYMENT_METHODS;
  /** A payment is recorded once received: no later date (the picker stops there, the field says why). */
  protected readonly today = todayIso();

  protected readonly allocations = new FormArray<AllocationGroup>([]);
  protected readonly form = new FormGroup({
    clientId: new FormControl<string | null>(
      { value: this.data.clientId, disabled: this.data.invoiceId !== null },
      Validators.required,
    ),
    receivedOn: new FormControl(todayIso(), { nonNullable: true, validators: [Validators.required] }),
    method: new FormControl<PaymentMethod>('transfer', { nonNullable: true }),
    bankReference: textControl(100),
    amount: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, decimalValidator(AMOUNT_PATTERN, { strictlyPositive: true })],
    }),
    currency: new FormControl(this.data.currency ?? BASE_CURRENCY, { nonNullable: true }),
    withholdingCertificateRef: textControl(100),
    notes: textControl(2000),
    allocations: this.allocations,
  });
  protected readonly submitter = new DialogSubmit<Payment>(this.form);

  /** The chosen client's open invoices; null while they load (or before a client is chosen). */
  protected readonly openInvoices = signal<readonly OpenInvoice[] | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.formValue())), {
    initialValue: this.formValue(),
  });
  protected readonly totals = computed(() => allocatedTotals(this.value().allocations));
  protected readonly warnings = computed(() => paymentWarnings(this.value(), this.openInvoices() ?? []));
  /** Set by a first attempt to record: the issues no field shows are said from then on. */
  protected readonly attempted = signal(false);
  protected readonly issues = computed(() => (this.openInvoices() ? paymentIssues(this.value()) : []));

  /** The cash inputs of ticked rows show the error colour while more is allocated than received. */
  protected readonly allocatedErrorState: ErrorStateMatcher = {
    isErrorState: (control) =>
      !!control?.touched && (control.invalid || this.issues().includes('overAllocated')),
  };

  constructor() {
    // Each client chosen loads its open invoices and rebuilds the allocation table.
    this.form.controls.clientId.valueChanges
      .pipe(
        startWith(this.form.controls.clientId.value),
        distinctUntilChanged(),
        switchMap((clientId) => {
          this.openInvoices.set(null);
          this.loadFailed.set(false);
          if (!clientId) return of(null);
          return this.receivables.client(clientId).pipe(
            map((detail) => detail.invoices),
            catchError(() => {
              this.loadFailed.set(true);
              return of(null);
            }),
          );
        }),
      )
      .subscribe((invoices) => this.showInvoices(invoices));
    this.form.controls.amount.valueChanges.subscribe((amount) => this.followAmount(amount));
  }

  /**
   * Opened from an invoice, its row is pre-filled: until the user edits the allocations (or
   * spreads the amount), that row follows the amount received, up to the invoice's open amount.
   */
  private followAmount(received: string): void {
    if (this.allocations.dirty) return;
    const row = this.allocations.controls.find((r) => r.controls.invoiceId.value === this.data.invoiceId);
    const invoice = this.invoiceOf(this.data.invoiceId ?? '');
    if (!row?.controls.selected.value || !invoice) return;
    const amount = followReceived(received, invoice, this.lang());
    if (amount !== null) row.controls.amount.setValue(amount);
  }

  private showInvoices(invoices: readonly OpenInvoice[] | null): void {
    this.allocations.clear({ emitEvent: false });
    for (const row of allocationRows(invoices ?? [], this.data.invoiceId, this.lang())) {
      this.allocations.push(allocationGroup(row), { emitEvent: false });
    }
    this.openInvoices.set(invoices);
    // Opened from an invoice: its open amount is what was most likely received.
    const prefilled = invoices?.find((i) => i.invoiceId === this.data.invoiceId);
    if (prefilled && this.form.controls.amount.pristine) {
      this.form.controls.amount.setValue(decimalInput(prefilled.openAmount, this.lang()));
      this.form.controls.currency.setValue(prefilled.currency);
    }
    this.form.updateValueAndValidity();
  }

  private formValue(): PaymentFormValue {
    return this.form.getRawValue();
  }

  protected invoiceOf(invoiceId: string): OpenInvoice | undefined {
    return this.openInvoices()?.find((i) => i.invoiceId === invoiceId);
  }

  /** What is wrong with row `index` as typed (shown under it). */
  protected rowIssue(index: number): string | null {
    const row = this.value().allocations[index];
    return row ? allocationIssue(row, this.invoiceOf(row.invoiceId), this.value().currency) : null;
  }

  protected money(value: string, currency: string): string {
    return formatMoney(value, currency, this.lang());
  }

  /** Spreads the amount received over the open invoices, oldest due first. */
  protected spread(): void {
    const rows = distribute(this.formValue(), this.openInvoices() ?? [], this.lang());
    this.allocations.setValue(rows);
    this.allocations.markAsDirty();
  }

  protected async submit(): Promise<void> {
    const value = this.formValue();
    const rowsOk = value.allocations.every((_, n) => this.rowIssue(n) === null);
    if (!rowsOk || paymentIssues(value).length > 0 || this.form.invalid) {
      this.attempted.set(true);
      this.form.markAllAsTouched();
      this.revealErrors();
      return;
    }
    if (!(await this.confirmWarnings(value, this.warnings()))) return;
    this.submitter.run(() => this.api.create(paymentRequest(value)));
  }

  /**
   * Cash left on no invoice, or an invoice issued after the money came in: allowed, but asked
   * first (a tester's overpayment was recorded without a word, and a payment dated 2020 on a 2026
   * invoice too).
   */
  private async confirmWarnings(
    value: PaymentFormValue,
    { unallocated, issuedAfterReceipt }: PaymentWarnings,
  ): Promise<boolean> {
    const lines = [
      ...(unallocated
        ? [
            {
              key: 'payments.record.warn.unallocated',
              params: { amount: this.money(unallocated, value.currency) },
            },
          ]
        : []),
      ...issuedAfterReceipt.map((invoice) => ({
        key: 'payments.record.warn.issuedAfter',
        params: {
          number: invoice.number,
          issued: formatLocalDate(invoice.invoiceDate, this.lang()),
          received: formatLocalDate(value.receivedOn, this.lang()),
        },
      })),
    ];
    if (lines.length === 0) return true;
    const data: ConfirmDialogData = {
      titleKey: 'payments.record.warn.title',
      messageKey: 'payments.record.warn.message',
      confirmKey: 'payments.record.warn.confirm',
      lines,
    };
    return (await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed())) === true;
  }

  /**
   * The errors may be below the fold of a long dialog: once shown, puts the cursor in the first
   * field in error and scrolls the first message into view.
   */
  private revealErrors(): void {
    afterNextRender(
      () => {
        const root = this.host.nativeElement;
        root.querySelector<HTMLElement>('input[aria-invalid="true"], textarea[aria-invalid="true"]')?.focus();
        root.querySelector('[role="alert"]')?.scrollIntoView({ block: 'nearest' });
      },
      { injector: this.injector },
    );
  }
}
