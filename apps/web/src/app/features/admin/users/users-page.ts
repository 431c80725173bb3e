import { HttpErrorResponse, httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorIntl, MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslocoDirective } from '@jsverse/transloco';
import type { AdminUser, AdminUserPage } from '@velosi/contracts';
import { debounceTime, distinctUntilChanged, firstValueFrom, map } from 'rxjs';

import { SessionStore } from '../../../core/auth/session.store';
import { LanguageService } from '../../../core/i18n/language.service';
import { ConfirmDialog, ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { LocalDatePipe } from '../../../shared/ui/local-date.pipe';
import { Notifier } from '../../../shared/ui/notifier';
import { TranslatedPaginatorIntl } from '../../../shared/ui/translated-paginator-intl';
import { ResetPasswordDialog } from './reset-password-dialog';
import { UserFormDialog, UserFormDialogData } from './user-form-dialog';
import { UserSessionsDialog } from './user-sessions-dialog';
import { UsersApi, parseUserPage } from './users-api';

const SEARCH_DEBOUNCE_MS = 300;
const COLUMNS = ['username', 'name', 'email', 'roles', 'enabled', 'createdAt', 'actions'] as const;

/** Administration → Users: search, page through, create and edit the staff's accounts. */
@Component({
  selector: 'app-users-page',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatTableModule,
    MatTooltipModule,
    TranslocoDirective,
  ],
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
  styleUrl: './users-page.scss',
})
export class UsersPage {
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly api = inject(UsersApi);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;

  protected readonly columns = COLUMNS;
  protected readonly pageSizes = [10, 20, 50, 100];
  /** Read-only administrators (users:read without users:write) see the list, not the actions. */
  protected readonly canWrite = computed(() => this.session.permissions().has('users:write'));

  protected readonly searchText = signal('');
  /** The search actually sent: debounced, so typing a name costs one request, not one per key. */
  protected readonly query = toSignal(
    toObservable(this.searchText).pipe(
      map((text) => text.trim()),
      debounceTime(SEARCH_DEBOUNCE_MS),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  /** Back to the first page whenever the search changes. */
  protected readonly pageIndex = linkedSignal({ source: this.query, computation: () => 0 });
  protected readonly pageSize = signal(20);

  protected readonly users = httpResource(
    () => ({
      url: '/api/admin/users',
      params: {
        page: this.pageIndex() + 1,
        pageSize: this.pageSize(),
        ...(this.query() ? { q: this.query() } : {}),
      },
    }),
    { parse: parseUserPage },
  );
  /** The last page received: kept on screen (under a progress bar) while the next one loads. */
  protected readonly page = linkedSignal<AdminUserPage | undefined, AdminUserPage | undefined>({
    source: () => (this.users.hasValue() ? this.users.value() : undefined),
    computation: (next, previous) => next ?? previous?.value,
  });

  protected readonly errorKey = computed(() => {
    const error = this.users.error();
    if (!error) return null;
    if (!(error instanceof HttpErrorResponse)) return 'admin.users.errors.invalid';
    if (error.status === 0) return 'errors.unreachable';
    return error.status === 403 ? 'admin.users.errors.forbidden' : 'errors.http';
  });
  protected readonly errorStatus = computed(() => {
    const error = this.users.error();
    return error instanceof HttpErrorResponse ? error.status : null;
  });

  protected onSearch(event: Event): void {
    this.searchText.set((event.target as HTMLInputElement).value);
  }

  protected onPage(event: PageEvent): void {
    this.pageSize.set(event.pageSize);
    this.pageIndex.set(event.pageIndex);
  }

  protected fullName(user: AdminUser): string {
    return [user.firstName, user.lastName].filter(Boolean).join(' ');
  }

  protected create(): void {
    this.openForm({ mode: 'create' }, 'admin.users.created');
  }

  protected edit(user: AdminUser): void {
    this.openForm({ mode: 'edit', user }, 'admin.users.updated');
  }

  protected async toggleEnabled(user: AdminUser): Promise<void> {
    const enable = !user.enabled;
    const action = enable ? 'enable' : 'disable';
    const data: ConfirmDialogData = {
      titleKey: `admin.users.${action}.title`,
      messageKey: `admin.users.${action}.message`,
      confirmKey: `admin.users.${action}.confirm`,
      params: { username: user.username },
      destructive: !enable,
    };
    const confirmed = await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed());
    if (confirmed !== true) return;
    this.api.update(user.id, { enabled: enable }).subscribe({
      next: () => {
        this.notifier.success(`admin.users.${action}.done`, { username: user.username });
        this.users.reload();
      },
      error: (error: unknown) => this.notifier.problem(error),
    });
  }

  protected resetPassword(user: AdminUser): void {
    this.dialog.open(ResetPasswordDialog, { data: user, width: '480px', maxWidth: '95vw' });
  }

  protected showSessions(user: AdminUser): void {
    this.dialog.open(UserSessionsDialog, {
      data: { user, canWrite: this.canWrite() },
      width: '720px',
      maxWidth: '95vw',
    });
  }

  private openForm(data: UserFormDialogData, doneKey: string): void {
    this.dialog
      .open(UserFormDialog, { data, width: '680px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((saved: AdminUser | undefined) => {
        if (!saved) return;
        this.notifier.success(doneKey, { username: saved.username });
        this.users.reload();
      });
  }
}
