import { Component, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { SupplierInvoicesApi } from './supplier-invoices-api';
import { formatMoney } from '../../shared/sales/money';

type PaidFilter = 'unpaid' | 'paid' | 'all';

/**
 * Finance → supplier invoices: the latest 100 recorded against job cost lines, unpaid first by
 * default (what is left to pay), each linking to its jobs where they are recorded and paid.
 */
@Component({
  selector: 'app-supplier-invoices-page',
  imports: [
    LocalDatePipe,
    MatButtonToggleModule,
    MatProgressBarModule,
    PageHeader,
    RouterLink,
    TranslocoDirective,
  ],
  templateUrl: './supplier-invoices-page.html',
  styleUrl: './supplier-invoices-page.scss',
})
export class SupplierInvoicesPage {
  private readonly api = inject(SupplierInvoicesApi);
  protected readonly lang = inject(LanguageService).active;
  protected readonly filter = signal<PaidFilter>('unpaid');
  protected readonly filters: readonly PaidFilter[] = ['unpaid', 'paid', 'all'];

  protected readonly invoices = rxResource({
    params: () => ({ paid: this.filter() }),
    stream: ({ params }) =>
      this.api.list({
        paid: params.paid === 'all' ? undefined : params.paid === 'paid',
        pageSize: 100,
        sort: params.paid === 'unpaid' ? 'dueDate:asc' : 'invoiceDate:desc',
      }),
  });

  protected tnd(value: string): string {
    return formatMoney(value, BASE_CURRENCY, this.lang());
  }
}
