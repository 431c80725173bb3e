import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Directive, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroup } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { JobChargeBillingSchema, type JobDetail } from '@velosi/contracts';
import { Observable, firstValueFrom } from 'rxjs';

import { busyRequests } from '../../../../shared/detail/busy-requests';
import { invalidFieldFocus } from '../../../../shared/forms/focus-invalid';
import { readProblem } from '../../../../core/http/problem';
import { applyApiErrors, WordedApiError } from '../../../../shared/sales/form-problem';
import { ConflictNotifier } from '../../../../shared/sales/conflict-notifier';
import { isConflict } from '../../../../shared/sales/record-api';
import { ConfirmDialog, ConfirmDialogData } from '../../../../shared/ui/confirm-dialog/confirm-dialog';
import { Notifier } from '../../../../shared/ui/notifier';
import { JobsApi } from '../../jobs-api';

/**
 * What the containers, milestones and charges tabs share: the inline form's busy state, the
 * API's field errors put on its controls (a 400 names the field, e.g. `number`), a 409 shown with
 * the usual conflict message, and the delete confirmation. Create it in a field initializer.
 */
export class JobPartSaver {
  private readonly notifier = inject(Notifier);
  private readonly conflicts = inject(ConflictNotifier);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  private readonly requests = busyRequests();
  readonly busy = this.requests.busy;
  /** Errors of the last save that fit no control of the form. */
  readonly errors = signal<string[]>([]);
  /** Brings the tab's first field in error into view, focused. */
  readonly focusInvalid = invalidFieldFocus();

  /**
   * `show` puts the job a write answered on the page; `reload` reads it again (the conflict
   * message's Reload).
   */
  constructor(
    private readonly show: (job: JobDetail) => void,
    private readonly reload: () => void,
  ) {}

  /** `worded`: API errors shown in the user's language on their control (see applyApiErrors). */
  save(
    form: FormGroup,
    request: Observable<JobDetail>,
    doneKey: string,
    done: () => void,
    worded: readonly WordedApiError[] = [],
  ): void {
    this.errors.set([]);
    this.requests.run(
      request.pipe(takeUntilDestroyed(this.destroyRef)),
      (answer) => {
        this.notifier.success(doneKey);
        done();
        this.show(answer);
      },
      (error) => {
        if (isConflict(error)) {
          this.conflicts.showConflict(this.reload);
          return true;
        }
        if (this.billed(error)) return true;
        const unmatched = applyApiErrors(form, error, {}, worded);
        this.errors.set(unmatched.map((e) => `${e.field}: ${e.message}`));
        this.focusInvalid();
        // Field errors are shown on their fields (or above the buttons), not again in a snack bar.
        if (!readProblem(error).errors?.length) this.notifier.problem(error);
        return true;
      },
    );
  }

  /** Asks the question; true only on its confirm button. */
  async confirm(data: ConfirmDialogData): Promise<boolean> {
    return (await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed())) === true;
  }

  /**
   * Deletes a part once confirmed. `keys` names the part's texts (`jobs.costs`): its
   * `deleteTitle`, `deleteMessage` and `deleteConfirm` (given `params`), then `deleted`.
   */
  async remove(
    request: () => Observable<JobDetail>,
    keys: string,
    params?: ConfirmDialogData['params'],
  ): Promise<void> {
    const confirmed = await this.confirm({
      titleKey: `${keys}.deleteTitle`,
      messageKey: `${keys}.deleteMessage`,
      confirmKey: `${keys}.deleteConfirm`,
      params,
      destructive: true,
    });
    if (!confirmed) return;
    this.requests.run(
      request(),
      (answer) => {
        this.notifier.success(`${keys}.deleted`);
        this.show(answer);
      },
      (error) => {
        if (!this.billed(error)) this.conflicts.handle(error, this.reload);
        return true;
      },
    );
  }

  /**
   * A line an invoice bills is frozen (409 naming the invoice): says so in the reader's language,
   * with the invoice's number, or that it sits on a draft. False for any other error.
   */
  private billed(error: unknown): boolean {
    const billing = JobChargeBillingSchema.safeParse(error instanceof HttpErrorResponse ? error.error : null);
    if (!billing.success) return false;
    const number = billing.data.invoiceNumber;
    if (number) this.notifier.refused('jobs.costs.billedBy', { number });
    else this.notifier.refused('jobs.costs.billedByDraft');
    return true;
  }
}

/**
 * The frame of the tabs that write a job's parts: the job and whether it may change, the saver,
 * and the two ways back to the page (the job a write answered, or a full reload after a conflict).
 */
@Directive()
export abstract class JobPartTab {
  readonly job = input.required<JobDetail>();
  readonly canWrite = input(false);
  /** A part was added, changed or removed: the page shows the job the API answered. */
  readonly changed = output<JobDetail>();
  /** The conflict message's Reload: the page reads the job again. */
  readonly reload = output();

  protected readonly api = inject(JobsApi);
  protected readonly saver = new JobPartSaver(
    (job) => this.changed.emit(job),
    () => this.reload.emit(),
  );
}

/** How a tab reads and writes the parts it lets the user correct one at a time. */
export interface JobPartWrites<P, F extends FormGroup, B> {
  /** The form's value for correcting `part`. */
  formValue(part: P): Parameters<F['reset']>[0];
  /** The request body from the valid form. */
  body(form: F): B;
  add(body: B): Observable<JobDetail>;
  /** Writes over `part`, at the version it was read at (a 409 when someone changed it since). */
  update(part: P, body: B): Observable<JobDetail>;
  /** Confirmation messages after an add and after a correction. */
  addedKey: string;
  updatedKey: string;
  /** API errors the tab words itself. */
  worded?: readonly WordedApiError[];
  /** The form's element: choosing a part (or adding one) brings it into view, focused. */
  formElement?: () => HTMLElement | undefined;
}

/**
 * The inline form of a tab whose parts are added and corrected one at a time (containers, charge
 * lines): which part, if any, is being corrected, and the save that adds or updates.
 */
export class JobPartEditor<P, F extends FormGroup, B> {
  readonly editing = signal<P | null>(null);

  constructor(
    private readonly saver: JobPartSaver,
    private readonly form: F,
    private readonly writes: JobPartWrites<P, F, B>,
  ) {}

  edit(part: P): void {
    this.editing.set(part);
    this.form.reset(this.writes.formValue(part));
    this.reveal();
  }

  /**
   * Brings the form into view and focuses its first field: on a phone it sits below a long list,
   * and a tap on "Modifier" or "Ajouter" must show what it opened.
   */
  reveal(): void {
    const element = this.writes.formElement?.();
    if (!element) return;
    element.scrollIntoView({ block: 'start', behavior: 'smooth' });
    element.querySelector<HTMLElement>('input, textarea, [role="combobox"]')?.focus({ preventScroll: true });
  }

  /** Back to adding, with an empty form. */
  cancel(): void {
    this.editing.set(null);
    this.form.reset();
  }

  save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) {
      this.saver.focusInvalid();
      return;
    }
    const body = this.writes.body(this.form);
    const editing = this.editing();
    const request = editing ? this.writes.update(editing, body) : this.writes.add(body);
    const doneKey = editing ? this.writes.updatedKey : this.writes.addedKey;
    this.saver.save(this.form, request, doneKey, () => this.cancel(), this.writes.worded);
  }
}
