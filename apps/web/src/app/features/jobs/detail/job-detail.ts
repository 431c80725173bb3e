import { HttpClient, HttpErrorResponse, httpResource } from '@angular/common/http';
import { Component, HostListener, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTabsModule } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { JobCancelRefusalSchema, type JobDetail } from '@velosi/contracts';
import pictureAsPdf from '@material-symbols/svg-400/outlined/picture_as_pdf.svg';
import { Observable, catchError, firstValueFrom, of } from 'rxjs';

import { SessionStore } from '../../../core/auth/session.store';
import { LanguageService } from '../../../core/i18n/language.service';
import { busyRequests } from '../../../shared/detail/busy-requests';
import { AttachmentsPanel } from '../../../shared/attachments/attachments-panel';
import { saveFile } from '../../../shared/csv/save-file';
import { ConflictBanner } from '../../../shared/detail/conflict-banner';
import { Timeline } from '../../../shared/ui/timeline/timeline';
import { DetailPage } from '../../../shared/detail/detail-page';
import { LoadedResource } from '../../../shared/detail/detail-record';
import { HasUnsavedChanges, warnBeforeUnload } from '../../../shared/forms/unsaved-changes';
import { applyApiErrors } from '../../../shared/sales/form-problem';
import { isConflict } from '../../../shared/sales/record-api';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { Notifier } from '../../../shared/ui/notifier';
import { registerIconSet, registerSalesIcons } from '../../../shared/ui/sales-icons';
import { JobInvoicing } from '../../invoices/job/job-invoicing';
import { registerQuoteIcons } from '../../quotes/quote-icons';
import { BASE_CURRENCY } from '../../quotes/quote-options';
import { SupplierInvoicesApi } from '../../supplier-invoices/supplier-invoices-api';
import { carriesContainers, jobStatusClass } from '../job-options';
import { JobsApi, jobUrl } from '../jobs-api';
import { JobCancelDialog } from './job-cancel-dialog';
import { closeChecklist, closeDialogData } from './job-close-check';
import { JobContainersTab } from './tabs/job-containers-tab';
import { JobCostsTab } from './costs/job-costs-tab';
import { JobProfitTab } from './profit/job-profit-tab';
import { invalidFieldFocus } from '../../../shared/forms/focus-invalid';
import { JOB_FORM_TABS, jobForm, jobFormValue, jobUpdateBody, tabOfFirstError } from './job-form';
import { JobMilestonesTab } from './tabs/job-milestones-tab';
import { JobPartiesTab } from './tabs/job-parties-tab';
import { JobSummaryTab } from './tabs/job-summary-tab';
import { JobTransportTab } from './tabs/job-transport-tab';
import { formatMoney } from '../../../shared/sales/money';

const JOB_DETAIL_ICONS: Readonly<Record<string, string>> = { picture_as_pdf: pictureAsPdf };

/**
 * `/jobs/:id`: the job file in tabs. The job's own fields (summary, parties, transport) are one
 * form saved with the job's `version`; containers, milestones and charge lines are saved one by
 * one (each answers at once) and the job is read again after each, as they move its status,
 * dates and profit.
 */
@Component({
  selector: 'app-job-detail',
  imports: [
    ConflictBanner,
    JobInvoicing,
    AttachmentsPanel,
    DetailPage,
    JobContainersTab,
    JobCostsTab,
    JobMilestonesTab,
    JobProfitTab,
    JobPartiesTab,
    JobSummaryTab,
    JobTransportTab,
    MatButtonModule,
    MatIconModule,
    MatTabsModule,
    RouterLink,
    Timeline,
    TranslocoDirective,
  ],
  templateUrl: './job-detail.html',
  styleUrls: ['./job-detail.scss', '../jobs.scss'],
})
export class JobDetailPage implements HasUnsavedChanges {
  readonly id = input.required<string>();

  private readonly api = inject(JobsApi);
  private readonly notifier = inject(Notifier);
  private readonly focusInvalid = invalidFieldFocus();
  private readonly session = inject(SessionStore);
  private readonly dialog = inject(MatDialog);
  private readonly http = inject(HttpClient);
  private readonly transloco = inject(TranslocoService);
  private readonly profitApi = inject(SupplierInvoicesApi);
  private readonly lang = inject(LanguageService).active;

  private readonly resource = httpResource<JobDetail>(() => jobUrl(this.id()));
  /** What app-detail-page shows the loading and error states from. */
  protected readonly state = new LoadedResource(this.resource, () => this.reload());
  protected readonly job = this.state.value;

  protected readonly form = jobForm();
  /** The version the form was filled from: sent with the save (stale → 409). */
  private formVersion = 0;
  private formJobId = '';
  /** Set by this page's own writes (a milestone, a container): the reload keeps the user's edits. */
  private rebaseNext = false;
  private readonly requests = busyRequests();
  protected readonly busy = this.requests.busy;
  protected readonly pdfBusy = signal(false);
  /** Bumped when a file is added or deleted: the history shows the new entry. */
  protected readonly filesChanged = signal(0);
  /** Writes on containers, milestones and lines: the history reads its entries again. */
  protected readonly partsChanged = signal(0);
  protected readonly conflict = signal(false);
  /** The tab shown (a refused save shows the one holding the field in error). */
  protected readonly tabIndex = signal(0);
  /** Field errors of the last save that fit no field of the form. */
  protected readonly saveErrors = signal<string[]>([]);
  /** Bumped on every change of the form's state (reactive forms have no signal of their own). */
  private readonly formTick = signal(0);
  protected readonly dirty = computed(() => {
    this.formTick();
    return this.form.dirty;
  });

  protected readonly canWrite = computed(() => this.session.can('jobs:write'));
  protected readonly canCosts = computed(() => this.session.can('jobs:costs'));
  protected readonly canReadSupplierInvoices = computed(() => this.session.can('supplier-invoices:read'));
  protected readonly canWriteSupplierInvoices = computed(() => this.session.can('supplier-invoices:write'));
  protected readonly canReadQuotes = computed(() => this.session.can('quotes:read'));
  protected readonly canReadClients = computed(() => this.session.can('clients:read'));
  protected readonly statusClass = jobStatusClass;
  protected readonly carriesContainers = carriesContainers;
  /** Closed and cancelled jobs no longer change (the API refuses it too). */
  protected readonly editable = computed(() => {
    const status = this.job()?.status;
    return this.canWrite() && status !== 'closed' && status !== 'cancelled';
  });

  constructor() {
    registerSalesIcons();
    registerQuoteIcons();
    registerIconSet(JOB_DETAIL_ICONS);
    this.form.events.subscribe(() => this.formTick.update((n) => n + 1));
    // Fill the form from each job read: afresh for another job or a reload; after our own write,
    // only the fields the user has not touched (their edits stay, the version moves on).
    effect(() => {
      const job = this.job();
      if (!job) return;
      untracked(() => {
        const rebase = this.rebaseNext && job.id === this.formJobId;
        this.rebaseNext = false;
        this.formVersion = job.version;
        this.formJobId = job.id;
        const value = jobFormValue(job, this.lang());
        if (!rebase) {
          this.form.reset(value);
        } else {
          // Only the untouched fields take the new values: patchValue with those alone.
          const untouched: Partial<typeof value> = {};
          for (const key of Object.keys(value) as (keyof typeof value)[]) {
            if (!this.form.controls[key].dirty) Object.assign(untouched, { [key]: value[key] });
          }
          this.form.patchValue(untouched, { emitEvent: false });
        }
        if (!this.editable()) this.form.disable({ emitEvent: false });
        else this.form.enable({ emitEvent: false });
        this.formTick.update((n) => n + 1);
      });
    });
  }

  hasUnsavedChanges(): boolean {
    return this.form.dirty && !this.busy();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(event, this.hasUnsavedChanges());
  }

  protected reload(): void {
    this.conflict.set(false);
    this.rebaseNext = false;
    this.resource.reload();
  }

  /** A container, milestone or charge line was saved: show the job it answered, keeping form edits. */
  protected partChanged(job: JobDetail): void {
    this.rebaseNext = true;
    this.resource.set(job);
    this.partsChanged.update((n) => n + 1);
  }

  /**
   * The field in error may be on a tab out of sight, or below the fold on a phone: show its tab and
   * bring it to the cursor. False when no field is in error.
   */
  private showFirstError(): boolean {
    const tab = tabOfFirstError(this.form);
    if (!tab) return false;
    this.tabIndex.set(JOB_FORM_TABS.indexOf(tab));
    this.focusInvalid();
    return true;
  }

  protected save(): void {
    const job = this.job();
    if (!job || this.busy()) return;
    this.form.markAllAsTouched();
    this.saveErrors.set([]);
    if (this.showFirstError()) {
      this.notifier.refused('jobs.detail.fixFields');
      return;
    }
    this.conflict.set(false);
    this.requests.run(
      this.api.update(job.id, jobUpdateBody(this.form, this.formVersion)),
      (saved) => {
        // The answer may be the job without its parts: keep those of the page.
        this.resource.set({ ...job, ...saved });
        this.notifier.success('jobs.detail.saved', { number: job.number });
      },
      (error) => {
        if (this.staleVersion(error)) return true;
        const unmatched = applyApiErrors(this.form, error);
        this.saveErrors.set(unmatched.map((e) => `${e.field}: ${e.message}`));
        this.showFirstError();
        return unmatched.length > 0 || this.form.invalid;
      },
    );
  }

  /** Close (a delivered job) or cancel (with a reason): the job's version goes with it. */
  protected async finish(action: 'close' | 'cancel'): Promise<void> {
    const job = this.job();
    if (!job) return;
    let request: Observable<JobDetail>;
    if (action === 'close') {
      const data = closeDialogData(job.number, await this.stillOpen(job));
      if ((await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed())) !== true) return;
      request = this.api.close(job.id, job.version);
    } else {
      const reason = await firstValueFrom(
        this.dialog
          .open<JobCancelDialog, { number: string }, string>(JobCancelDialog, {
            data: { number: job.number },
          })
          .afterClosed(),
      );
      if (!reason) return;
      request = this.api.cancel(job.id, { version: job.version, reason });
    }
    this.requests.run(
      request,
      (saved) => {
        this.resource.set({ ...job, ...saved });
        this.notifier.success(`jobs.${action}.done`, { number: job.number });
      },
      (error) => this.staleVersion(error) || this.stillInvoiced(error),
    );
  }

  /** A cancel refused while invoices still bill the job: which ones, in the reader's language. */
  private stillInvoiced(error: unknown): boolean {
    const refusal = JobCancelRefusalSchema.safeParse(error instanceof HttpErrorResponse ? error.error : null);
    if (!refusal.success) return false;
    const numbers = refusal.data.invoiceNumbers.join(', ');
    if (numbers) this.notifier.refused('jobs.cancel.invoiced', { numbers });
    else this.notifier.refused('jobs.cancel.draftInvoice');
    return true;
  }

  /** What closing would leave open: the profit read (invoiced figures) when the user may see costs. */
  private async stillOpen(job: JobDetail) {
    const profit = this.canCosts()
      ? await firstValueFrom(this.profitApi.profit(job.id).pipe(catchError(() => of(null))))
      : null;
    return closeChecklist(job, profit, {
      tnd: (amount) => formatMoney(amount, BASE_CURRENCY, this.lang()),
      milestone: (kind) => this.transloco.translate(`jobs.milestoneKinds.${kind}`),
    });
  }

  /** A 409: the reload banner instead of a message. */
  private staleVersion(error: unknown): boolean {
    if (isConflict(error)) this.conflict.set(true);
    return isConflict(error);
  }

  /** The draft house document our company issues for this job: HBL (sea), HAWB (air), none (road). */
  protected houseBill(job: JobDetail): 'hbl' | 'hawb' | null {
    if (job.mode.startsWith('sea')) return 'hbl';
    return job.mode.startsWith('air') ? 'hawb' : null;
  }

  /** The draft PDF in the user's language (through HttpClient: the API needs the bearer token). */
  protected downloadHouseBill(job: JobDetail, kind: 'hbl' | 'hawb'): void {
    this.pdfBusy.set(true);
    const params = { lang: this.lang() === 'en' ? 'en' : 'fr' };
    this.http.get(`${jobUrl(job.id)}/${kind}.pdf`, { params, responseType: 'blob' }).subscribe({
      next: (blob) => {
        this.pdfBusy.set(false);
        saveFile(blob, `${job.number}-${kind.toUpperCase()}-DRAFT.pdf`);
      },
      error: (error: unknown) => {
        this.pdfBusy.set(false);
        this.notifier.problem(error);
      },
    });
  }

  protected discard(): void {
    const job = this.job();
    if (job) this.form.reset(jobFormValue(job, this.lang()));
  }
}
