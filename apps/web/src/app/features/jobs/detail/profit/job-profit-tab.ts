import { Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoDirective } from '@jsverse/transloco';
import type { JobDetail, SupplierInvoice, SupplierInvoiceSummary } from '@velosi/contracts';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';
import { firstValueFrom } from 'rxjs';

import { LanguageService } from '../../../../core/i18n/language.service';
import { LocalDatePipe } from '../../../../shared/ui/local-date.pipe';
import { busyRequests } from '../../../../shared/detail/busy-requests';
import { ConflictNotifier } from '../../../../shared/sales/conflict-notifier';
import { Notifier } from '../../../../shared/ui/notifier';
import { SupplierInvoicesApi } from '../../../supplier-invoices/supplier-invoices-api';
import { JobProfitColumns, type ProfitBasis } from './job-profit-columns';
import { SupplierInvoiceDialog, type SupplierInvoiceDialogData } from './supplier-invoice-dialog';
import { formatMoney } from '../../../../shared/sales/money';

/**
 * Profitability tab ("Rentabilité"): revenue, cost and margin planned (the quote) vs actual (the
 * job's lines) vs invoiced (issued customer invoices net of credit notes, supplier invoices), as the API sums them; then the
 * job's supplier invoices, recorded and marked paid by FINANCE and ADMIN, read by OPERATIONS.
 */
@Component({
  selector: 'app-job-profit-tab',
  imports: [
    JobProfitColumns,
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    TranslocoDirective,
  ],
  templateUrl: './job-profit-tab.html',
  styleUrls: [
    '../tabs/job-tabs.scss',
    '../tabs/job-items.scss',
    '../costs/job-costs-tab.scss',
    './job-profit-tab.scss',
  ],
})
export class JobProfitTab {
  readonly job = input.required<JobDetail>();
  /** `supplier-invoices:read`: the list is shown. */
  readonly canRead = input(false);
  /** `supplier-invoices:write`: record and mark paid. */
  readonly canWrite = input(false);

  private readonly api = inject(SupplierInvoicesApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly conflicts = inject(ConflictNotifier);
  protected readonly lang = inject(LanguageService).active;
  protected readonly bases: readonly ProfitBasis[] = ['planned', 'actual', 'invoiced'];
  private readonly requests = busyRequests();
  protected readonly busy = this.requests.busy;

  // The job's version moves with every line written: both reads follow it.
  protected readonly profit = rxResource({
    params: () => ({ id: this.job().id, version: this.job().version, n: this.job().charges.length }),
    stream: ({ params }) => this.api.profit(params.id),
  });
  protected readonly invoices = rxResource({
    params: () => (this.canRead() ? { id: this.job().id, n: this.job().charges.length } : undefined),
    stream: ({ params }) => this.api.list({ jobId: params.id, pageSize: 100, sort: 'invoiceDate:desc' }),
  });

  protected tnd(value: string | undefined): string {
    return value === undefined ? '—' : formatMoney(value, BASE_CURRENCY, this.lang());
  }

  protected money(value: string, currency: string): string {
    return formatMoney(value, currency, this.lang());
  }

  protected async record(): Promise<void> {
    const open = await this.openCostLines();
    const data: SupplierInvoiceDialogData = { lines: open };
    const ref = this.dialog.open<SupplierInvoiceDialog, SupplierInvoiceDialogData, SupplierInvoice>(
      SupplierInvoiceDialog,
      { data, width: '720px', maxWidth: '100vw' },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.notifier.success('jobs.supplierInvoices.recorded');
    this.refresh();
  }

  protected markPaid(invoice: SupplierInvoiceSummary): void {
    this.requests.run(
      this.api.update(invoice.id, { version: invoice.version, paid: true }),
      () => {
        this.notifier.success('jobs.supplierInvoices.markedPaid');
        this.refresh();
      },
      (error) => {
        this.conflicts.handle(error, () => this.refresh());
        return true;
      },
    );
  }

  private refresh(): void {
    this.invoices.reload();
    this.profit.reload();
  }

  /** The full invoices tell which job lines they settle; the summaries of the list do not. */
  private async openCostLines() {
    const taken = new Set<string>();
    const live = this.invoices.value()?.items ?? [];
    const details = await Promise.all(live.map((i) => firstValueFrom(this.api.get(i.id))));
    for (const d of details) for (const l of d.lines) if (l.jobChargeId) taken.add(l.jobChargeId);
    return this.job().charges.filter((c) => c.side === 'cost' && c.stage === 'actual' && !taken.has(c.id));
  }
}
