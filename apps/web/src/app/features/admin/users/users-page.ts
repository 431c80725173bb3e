import { Component, computed, inject } from '@angular/core';
import { MatChipsModule } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import type { AdminUser } from '@velosi/contracts';
import { firstValueFrom } from 'rxjs';

import { ListCreateButton } from '../../../shared/list/list-create-button';
import { LIST_PAGE } from '../../../shared/list/list-page';
import { SessionStore } from '../../../core/auth/session.store';
import { LanguageService } from '../../../core/i18n/language.service';
import { IconButton } from '../../../shared/list/table/icon-button';
import { ListPageState } from '../../../shared/list/list-page-state';
import { recordRows } from '../../../shared/list/table/record-rows';
import { ConfirmDialog, ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { Notifier } from '../../../shared/ui/notifier';
import { ResetPasswordDialog } from './reset-password-dialog';
import { UserFormDialog, UserFormDialogData } from './user-form-dialog';
import { UserSessionsDialog } from './user-sessions-dialog';
import { UsersApi } from './users-api';
import { AdminTabs } from '../admin-tabs';

/** Administration → Users: search, page through, create and edit the staff's accounts. */
@Component({
  selector: 'app-users-page',
  imports: [LIST_PAGE, ListCreateButton, IconButton, AdminTabs, MatChipsModule],
  templateUrl: './users-page.html',
  styleUrls: ['../../../shared/list/list-page.scss', './users-page.scss'],
})
export class UsersPage {
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly api = inject(UsersApi);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;

  /** Read-only administrators (users:read without users:write) see the list, not the actions. */
  protected readonly canWrite = computed(() => this.session.can('users:write'));
  /** The signed-in admin's own row: the API refuses to disable it, so it offers no such button. */
  protected readonly ownId = computed(() => this.session.me()?.sub);

  /** Not sortable: the users API takes no `sort` (AdminUserListQuerySchema). */
  protected readonly list = new ListPageState<AdminUser>({
    fetch: (query) => this.api.page(query),
    filters: {},
  });
  /** A disabled account's name is struck (its row is greyed by the tone). */
  protected readonly usernameClass = (user: AdminUser): string =>
    user.enabled ? 'username' : 'username struck';

  protected readonly rows = recordRows<AdminUser>('users', 'user', {
    route: null,
    key: (user) => user.username,
    tone: (user) => (user.enabled ? null : 'muted'),
  });
  /** The message of a failed load (the card has its own for an unreachable API). */
  protected readonly errorKey = computed(() => {
    const status = this.list.errorStatus();
    if (status === -1) return 'admin.users.errors.invalid';
    return status === 403 ? 'admin.users.errors.forbidden' : 'errors.http';
  });

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
        this.list.reload();
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
        this.list.reload();
      });
  }
}
