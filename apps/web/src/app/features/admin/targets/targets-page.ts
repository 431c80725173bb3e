import { Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { SalesTarget, SalesTargetCreate, SalesTargetPeriod } from '@velosi/contracts';
import { SALES_TARGET_PERIODS } from '@velosi/contracts/vocabulary';
import { map } from 'rxjs';

import { LanguageService } from '../../../core/i18n/language.service';
import { DateField } from '../../../shared/fields/dates/date-field';
import { decimalOrNull, decimalValidator } from '../../../shared/forms/decimal';
import { LocalDatePipe } from '../../../shared/ui/local-date.pipe';
import { Notifier } from '../../../shared/ui/notifier';
import { StaffApi } from '../../../core/api/staff-api';
import { periodStartOf } from '../../home/periods';
import { TargetsApi } from './targets-api';
import { AdminTabs } from '../admin-tabs';
import { DecimalLanguageInput } from '../../../shared/forms/decimal-language-input';
import { formatMoney } from '../../../shared/sales/money';

const AMOUNT = /^(0|[1-9]\d{0,11})(\.\d{1,3})?$/;

/** Administration › Sales targets: set a commercial's goals for a period and follow their progress. */
@Component({
  selector: 'app-targets-page',
  imports: [
    DecimalLanguageInput,
    AdminTabs,
    DateField,
    LocalDatePipe,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('dashboard')],
  templateUrl: './targets-page.html',
  styleUrl: './targets-page.scss',
})
export class TargetsPage {
  private readonly api = inject(TargetsApi);
  private readonly staffApi = inject(StaffApi);
  private readonly notifier = inject(Notifier);
  protected readonly lang = inject(LanguageService).active;
  protected readonly periods = SALES_TARGET_PERIODS;
  protected readonly saving = signal(false);

  protected readonly staff = rxResource({
    stream: () =>
      this.staffApi.list().pipe(map((list) => list.items.filter((m) => m.roles.includes('COMMERCIAL')))),
  });
  protected readonly targets = rxResource({ stream: () => this.api.list() });
  protected readonly names = computed(
    () =>
      new Map(
        (this.staff.value() ?? []).map((m) => [
          m.id,
          `${m.firstName ?? ''} ${m.lastName ?? ''}`.trim() || m.username,
        ]),
      ),
  );

  protected readonly form = inject(FormBuilder).nonNullable.group({
    commercialId: ['', Validators.required],
    period: ['month' as SalesTargetPeriod, Validators.required],
    start: [new Date().toISOString().slice(0, 10), Validators.required],
    // Typed the French or English way (`150 000,5`), sent in the contract's form.
    revenueTnd: ['', decimalValidator(AMOUNT)],
    marginTnd: ['', decimalValidator(AMOUNT)],
    newClients: ['', Validators.pattern(/^\d{1,6}$/)],
    quotesSent: ['', Validators.pattern(/^\d{1,6}$/)],
  });

  protected money(value: string | null): string {
    return formatMoney(value, 'TND', this.lang());
  }

  protected reached(target: SalesTarget): number {
    if (!target.revenueTnd || Number(target.revenueTnd) === 0) return 0;
    return Math.min(100, (Number(target.progress.revenueTnd) / Number(target.revenueTnd)) * 100);
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: SalesTargetCreate = {
      commercialId: v.commercialId,
      period: v.period,
      periodStart: periodStartOf(v.period, v.start),
      revenueTnd: decimalOrNull(v.revenueTnd),
      marginTnd: decimalOrNull(v.marginTnd),
      newClients: v.newClients ? Number(v.newClients) : null,
      quotesSent: v.quotesSent ? Number(v.quotesSent) : null,
    };
    this.saving.set(true);
    this.api.create(body).subscribe({
      next: () => {
        this.saving.set(false);
        this.notifier.success('dashboard.targetsPage.saved');
        this.targets.reload();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.notifier.problem(error);
      },
    });
  }

  protected archive(target: SalesTarget): void {
    this.api.archive(target).subscribe({
      next: () => {
        this.notifier.success('dashboard.targetsPage.archived');
        this.targets.reload();
      },
      error: (error: unknown) => this.notifier.problem(error),
    });
  }
}
