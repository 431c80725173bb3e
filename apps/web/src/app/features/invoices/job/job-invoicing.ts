import { Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { Invoice, JobDetail } from '@velosi/contracts';
import { firstValueFrom, map } from 'rxjs';

import { SessionStore } from '../../../core/auth/session.store';
import { LanguageService } from '../../../core/i18n/language.service';
import { Notifier } from '../../../shared/ui/notifier';
import { invoiceChip } from '../invoice-options';
import { InvoicesApi } from '../invoices-api';
import { JobInvoiceDialog, JobInvoiceDialogData } from './job-invoice-dialog';
import { formatMoney } from '../../../shared/sales/money';

/**
 * On the job page: the job's invoices with their status (anyone with `invoices:read`, operations
 * included, read only) and, for `invoices:write`, "Invoice": pick the revenue lines not billed yet,
 * create the draft from them (`POST /api/invoices/from-job`) and open it.
 */
@Component({
  selector: 'app-job-invoicing',
  imports: [MatButtonModule, MatIconModule, RouterLink, TranslocoDirective],
  providers: [provideTranslocoScope('invoices')],
  template: `
    @if (canRead()) {
      <section
        class="job-invoices"
        *transloco="let t"
        data-testid="job-invoices"
        [attr.aria-label]="t('invoices.job.invoices')"
      >
        <span class="label">{{ t('common.labelColon', { label: t('invoices.job.invoices') }) }}</span>
        @if (invoices.value(); as list) {
          @for (i of list; track i.id) {
            <a
              class="invoice"
              [routerLink]="['/invoices', i.id]"
              [attr.data-testid]="'job-invoice-' + (i.number ?? i.id)"
            >
              <!-- A draft has no number yet: its chip ("Brouillon") names it alone. -->
              @if (i.number) {
                <span class="ref">{{ i.number }}</span>
              }
              @let chip = chipOf(i);
              <span class="status-chip" [class]="chip.cssClass">{{ t(chip.key) }}</span>
              <!-- A credit note takes back: its amount reads negative, as in the sales journal. -->
              {{ money(i.kind === 'credit_note' ? '-' + i.totals.totalTnd : i.totals.totalTnd) }}
            </a>
          } @empty {
            <span class="none">{{ t('invoices.job.noInvoices') }}</span>
          }
        }
        @if (canWrite()) {
          <button mat-flat-button type="button" data-testid="job-invoice" (click)="invoice()">
            <mat-icon svgIcon="add" aria-hidden="true" />
            {{ t('invoices.job.invoice') }}
          </button>
        }
      </section>
    }
  `,
  styleUrls: ['../invoices.scss', './job-invoicing.scss'],
})
export class JobInvoicing {
  readonly job = input.required<JobDetail>();

  private readonly api = inject(InvoicesApi);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  private readonly lang = inject(LanguageService).active;
  protected readonly chipOf = invoiceChip;
  protected readonly canRead = computed(() => this.session.can('invoices:read'));
  /** A cancelled job is not billed (the API refuses it too). */
  protected readonly canWrite = computed(
    () => this.session.can('invoices:write') && this.job().status !== 'cancelled',
  );

  protected readonly invoices = rxResource({
    params: () => (this.canRead() ? this.job().id : undefined),
    stream: ({ params }) => this.api.ofJob(params).pipe(map((page) => page.items)),
  });

  protected money(value: string): string {
    return formatMoney(value, 'TND', this.lang());
  }

  protected async invoice(): Promise<void> {
    const job = this.job();
    const invoiceIds = (this.invoices.value() ?? []).filter((i) => i.kind === 'invoice').map((i) => i.id);
    const created = await firstValueFrom(
      this.dialog
        .open<JobInvoiceDialog, JobInvoiceDialogData, Invoice>(JobInvoiceDialog, {
          data: { job, invoiceIds },
          width: '640px',
          maxWidth: '95vw',
        })
        .afterClosed(),
    );
    if (!created) return;
    this.notifier.success('invoices.editor.saved');
    void this.router.navigate(['/invoices', created.id]);
  }
}
