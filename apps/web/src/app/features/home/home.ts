import { HttpErrorResponse } from '@angular/common/http';
import { Component, computed, inject, signal } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService, provideTranslocoScope } from '@jsverse/transloco';
import type { SalesTarget } from '@velosi/contracts';
import { sumAmounts } from '@velosi/contracts/invoice-math';
import { map, of, switchMap } from 'rxjs';

import { SessionStore } from '../../core/auth/session.store';
import { LanguageService } from '../../core/i18n/language.service';
import { pluralOf } from '../../core/i18n/plural';
import { translationLookup } from '../../core/i18n/translation-lookup';
import { saveFile } from '../../shared/csv/save-file';
import { DateField } from '../../shared/fields/dates/date-field';
import { Notifier } from '../../shared/ui/notifier';
import { StaffApi } from '../../core/api/staff-api';
import { CSV_ICONS } from '../../shared/csv/csv-icons';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { registerIconSet } from '../../shared/ui/sales-icons';
import { DashboardApi, type DashboardFilter } from './dashboard-api';
import { jobsChart, modesChart, monthlyChart, pipelineChart, quotesByStatusChart } from './dashboard-charts';
import { LazyChart } from '../../shared/ui/lazy-chart';
import { ShipmentsCard } from './shipments-card';
import { TodoCard } from './todo-card';
import { todayIso } from '../quotes/quote-options';
import { PERIOD_PRESETS, periodName, presetPeriod, type PeriodPreset } from './periods';
import { formatMoney } from '../../shared/sales/money';
import { dateLocale } from '../../core/i18n/languages';

/** Looks a key up in the scope's translation (Transloco keeps it flat: `status.draft`). */
/**
 * The home page: each role's cockpit from `GET /api/dashboard` — KPI cards, charts (chart.js,
 * loaded on first draw), a period picker and, for ADMIN, a commercial filter. Clicking a chart
 * segment opens the list it summarises, filtered the same way.
 */
@Component({
  selector: 'app-home',
  imports: [
    DateField,
    LazyChart,
    LocalDatePipe,
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    RouterLink,
    ShipmentsCard,
    TodoCard,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('dashboard')],
  templateUrl: './home.html',
  styleUrl: './home.scss',
})
export class Home {
  private readonly api = inject(DashboardApi);
  private readonly staffApi = inject(StaffApi);
  private readonly router = inject(Router);
  private readonly notifier = inject(Notifier);
  private readonly session = inject(SessionStore);
  private readonly transloco = inject(TranslocoService);
  protected readonly lang = inject(LanguageService).active;

  protected readonly presets = PERIOD_PRESETS;
  protected readonly periodName = periodName;
  protected readonly periodEnds = ['from', 'to'] as const;
  protected readonly preset = signal<PeriodPreset | 'custom'>('year');
  protected readonly filter = signal<DashboardFilter>({
    ...presetPeriod('year', todayIso()),
    commercialId: null,
  });
  protected readonly isAdmin = computed(() => this.session.me()?.roles.includes('ADMIN') ?? false);
  protected readonly canReport = computed(() => this.session.permissions().has('reports:read'));
  /** Operations' shipments to follow (the card is left out, not left empty, for the others). */
  protected readonly canRunJobs = computed(() => this.session.permissions().has('jobs:write'));
  /** Finance's way to the jobs with revenue no invoice bills yet. */
  protected readonly canInvoice = computed(() => this.session.permissions().has('invoices:write'));
  /**
   * The period applies to the sales figures only (open jobs and receivables are as of now): the
   * picker is shown to the roles that get them, the API's rule (opportunities and quotes readers).
   */
  protected readonly hasPeriod = computed(() => {
    const permissions = this.session.permissions();
    return permissions.has('opportunities:read') && permissions.has('quotes:read');
  });
  protected readonly downloading = signal(false);

  /** The scope's labels in the active language (chart.js draws text itself, outside the template). */
  private readonly scopeTranslation = toSignal(
    toObservable(this.lang).pipe(switchMap((lang) => this.transloco.selectTranslation(`dashboard/${lang}`))),
  );
  protected readonly label = (key: string) => translationLookup(this.scopeTranslation(), key);

  protected readonly staff = rxResource({
    params: () => (this.isAdmin() ? true : undefined),
    stream: ({ params }) =>
      params
        ? this.staffApi.list().pipe(map((list) => list.items.filter((m) => m.roles.includes('COMMERCIAL'))))
        : of([]),
  });
  protected readonly data = rxResource({
    params: () => this.filter(),
    stream: ({ params }) => this.api.dashboard(params),
  });

  protected readonly sales = computed(() => (this.data.hasValue() ? this.data.value().sales : null));
  protected readonly operations = computed(() =>
    this.data.hasValue() ? this.data.value().operations : null,
  );
  /** What clients owe (FINANCE, ADMIN): the API leaves it null for the other roles. */
  protected readonly receivables = computed(() =>
    this.data.hasValue() ? this.data.value().receivables : null,
  );
  protected readonly errorStatus = computed(() => {
    const error = this.data.error();
    return error instanceof HttpErrorResponse ? error.status : null;
  });

  protected readonly statusChart = computed(() => {
    const sales = this.sales();
    return sales && this.scopeTranslation() ? quotesByStatusChart(sales, this.label) : null;
  });
  protected readonly monthlyChart = computed(() => {
    const sales = this.sales();
    const lang = this.lang();
    const format = new Intl.DateTimeFormat(dateLocale(lang), {
      month: 'short',
      year: '2-digit',
      timeZone: 'UTC',
    });
    const monthName = (month: string) => format.format(new Date(`${month}-01T00:00:00Z`));
    return sales && this.scopeTranslation() ? monthlyChart(sales, this.label, monthName) : null;
  });
  protected readonly pipelineChart = computed(() => {
    const sales = this.sales();
    return sales && this.scopeTranslation() ? pipelineChart(sales, this.label) : null;
  });
  protected readonly modesChart = computed(() => {
    const sales = this.sales();
    return sales && sales.modes.length > 0 && this.scopeTranslation() ? modesChart(sales, this.label) : null;
  });
  protected readonly jobsChart = computed(() => {
    const operations = this.operations();
    return operations && this.scopeTranslation() ? jobsChart(operations, this.label) : null;
  });
  protected readonly weightedPipeline = computed(() =>
    // Summed as exact decimals (money never goes through a JS float).
    sumAmounts((this.sales()?.pipeline ?? []).map((p) => p.weightedTnd)),
  );

  constructor() {
    // The report buttons' download icon (the CSV export's own set).
    registerIconSet(CSV_ICONS);
  }

  protected money(value: string | null | undefined): string {
    return formatMoney(value, 'TND', this.lang());
  }

  protected plural(count: number): 'one' | 'other' {
    return pluralOf(count, this.lang());
  }

  protected percent(value: number | null | undefined): string {
    if (value === null || value === undefined) return '—';
    return new Intl.NumberFormat(this.lang(), { style: 'percent', maximumFractionDigits: 1 }).format(value);
  }

  /** Share of a goal reached (1 = reached; 4.15 past it), shown beside the amounts. */
  protected share(target: SalesTarget): number {
    if (!target.revenueTnd || Number(target.revenueTnd) === 0) return 0;
    return Number(target.progress.revenueTnd) / Number(target.revenueTnd);
  }

  /** The progress bar's 0–100 (a bar past its goal is full; the percent beside it says by how much). */
  protected reached(target: SalesTarget): number {
    return Math.min(100, this.share(target) * 100);
  }

  /** Whose target it is, for an admin (who has the staff list); null for a commercial's own. */
  protected commercialName(id: string): string | null {
    const member = this.staff.value()?.find((m) => m.id === id);
    return member ? `${member.firstName} ${member.lastName}`.trim() : null;
  }

  protected choosePreset(preset: PeriodPreset | 'custom'): void {
    this.preset.set(preset);
    if (preset !== 'custom') this.filter.update((f) => ({ ...f, ...presetPeriod(preset, todayIso()) }));
  }

  protected setDate(which: 'from' | 'to', value: string): void {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    this.preset.set('custom');
    this.filter.update((f) => ({ ...f, [which]: value }));
  }

  protected setCommercial(commercialId: string | null): void {
    this.filter.update((f) => ({ ...f, commercialId }));
  }

  /** The quote list filtered by the clicked status (the list applies the same visibility). */
  protected openQuotes(index: number): void {
    const status = this.sales()?.quotesByStatus[index]?.status;
    if (status) void this.router.navigate(['/quotes'], { queryParams: { status } });
  }

  protected openModeQuotes(index: number): void {
    const mode = this.sales()?.modes[index]?.mode;
    if (mode) void this.router.navigate(['/quotes'], { queryParams: { status: 'accepted', mode } });
  }

  protected openStage(index: number): void {
    const stage = this.sales()?.pipeline[index]?.stage;
    if (stage) void this.router.navigate(['/opportunities'], { queryParams: { stage } });
  }

  protected openJobs(index: number): void {
    const status = this.operations()?.openJobs[index]?.status;
    if (status) void this.router.navigate(['/jobs'], { queryParams: { status } });
  }

  protected download(kind: 'pdf' | 'csv'): void {
    const filter = this.filter();
    this.downloading.set(true);
    this.api.report(kind, filter, this.lang()).subscribe({
      next: (blob) => {
        this.downloading.set(false);
        saveFile(blob, `sales-report_${filter.from}_${filter.to}.${kind}`);
      },
      error: (error: unknown) => {
        this.downloading.set(false);
        this.notifier.problem(error);
      },
    });
  }
}
