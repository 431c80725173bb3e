import { HttpErrorResponse } from '@angular/common/http';
import { Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTableModule } from '@angular/material/table';
import { TranslocoDirective } from '@jsverse/transloco';
import type { AdminUser, UserSession } from '@velosi/contracts';
import { firstValueFrom, map } from 'rxjs';

import { LanguageService } from '../../../core/i18n/language.service';
import { ConfirmDialog, ConfirmDialogData } from '../../../shared/ui/confirm-dialog/confirm-dialog';
import { LocalDatePipe } from '../../../shared/ui/local-date.pipe';
import { Notifier } from '../../../shared/ui/notifier';
import { UsersApi } from './users-api';
import { rxResource } from '@angular/core/rxjs-interop';

export interface UserSessionsDialogData {
  readonly user: AdminUser;
  readonly canWrite: boolean;
}

/**
 * The user's active sessions at the identity provider, and "end all sessions": their refresh
 * tokens stop working, so each open tab of theirs lands on "session expired" at its next refresh
 * (within the 5-minute life of the access token).
 */
@Component({
  selector: 'app-user-sessions-dialog',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatTableModule,
    TranslocoDirective,
  ],
  templateUrl: './user-sessions-dialog.html',
  styleUrl: './user-dialogs.scss',
})
export class UserSessionsDialog {
  protected readonly data = inject<UserSessionsDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  protected readonly lang = inject(LanguageService).active;

  protected readonly columns = ['startedAt', 'lastAccessAt', 'ipAddress', 'clients'] as const;
  protected readonly ending = signal(false);
  protected readonly sessions = rxResource({
    stream: () => this.api.sessions(this.data.user.id).pipe(map(parseSessions)),
  });
  protected readonly errorStatus = computed(() => {
    const error = this.sessions.error();
    return error instanceof HttpErrorResponse ? error.status : null;
  });

  /** The applications of a session in words (`velosi_web` → "Application web"); another client id as it is. */
  protected clientsText(t: (key: string) => string, clients: readonly string[]): string {
    return clients
      .map((id) => {
        const key = `admin.users.sessions.clientNames.${id}`;
        const word = t(key);
        return word === key ? id : word;
      })
      .join(', ');
  }

  protected async endAll(): Promise<void> {
    const data: ConfirmDialogData = {
      titleKey: 'admin.users.sessions.endTitle',
      messageKey: 'admin.users.sessions.endMessage',
      confirmKey: 'admin.users.sessions.endConfirm',
      params: { username: this.data.user.username },
      destructive: true,
    };
    if ((await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed())) !== true) return;
    this.ending.set(true);
    this.api.endSessions(this.data.user.id).subscribe({
      next: () => {
        this.ending.set(false);
        this.notifier.success('admin.users.sessions.ended', { username: this.data.user.username });
        this.sessions.reload();
      },
      error: (error: unknown) => {
        this.ending.set(false);
        this.notifier.problem(error);
      },
    });
  }
}

function parseSessions(raw: unknown): UserSession[] {
  if (!Array.isArray(raw)) throw new TypeError('Unexpected sessions body');
  return raw as UserSession[];
}
