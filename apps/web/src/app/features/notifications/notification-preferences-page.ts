import { HttpErrorResponse } from '@angular/common/http';
import { Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoDirective } from '@jsverse/transloco';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationPreferences } from '@velosi/contracts';

import { Notifier } from '../../shared/ui/notifier';
import { PageHeader } from '../../shared/ui/page-header/page-header';
import { NotificationsStore } from './notifications.store';

/** Which notifications also come by e-mail, and in which language. In-app is always on. */
@Component({
  selector: 'app-notification-preferences-page',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslocoDirective,
    PageHeader,
  ],
  templateUrl: './notification-preferences-page.html',
  styleUrl: './notification-preferences-page.scss',
})
export class NotificationPreferencesPage {
  private readonly store = inject(NotificationsStore);
  private readonly notifier = inject(Notifier);

  protected readonly kinds = NOTIFICATION_KINDS;
  protected readonly loaded = signal<NotificationPreferences | undefined>(undefined);
  protected readonly failed = signal(false);
  protected readonly saving = signal(false);
  protected readonly emailKinds = signal<ReadonlySet<NotificationKind>>(new Set());
  protected readonly language = signal<'fr' | 'en'>('fr');

  constructor() {
    this.load();
  }

  protected load(): void {
    this.failed.set(false);
    this.store.preferences().subscribe({
      next: (prefs) => this.show(prefs),
      error: () => this.failed.set(true),
    });
  }

  protected toggle(kind: NotificationKind, checked: boolean): void {
    this.emailKinds.update((kinds) => {
      const next = new Set(kinds);
      if (checked) next.add(kind);
      else next.delete(kind);
      return next;
    });
  }

  protected save(): void {
    const current = this.loaded();
    if (!current) return;
    this.saving.set(true);
    this.store
      .savePreferences({
        emailKinds: NOTIFICATION_KINDS.filter((kind) => this.emailKinds().has(kind)),
        language: this.language(),
        version: current.version,
      })
      .subscribe({
        next: (prefs) => {
          this.saving.set(false);
          this.show(prefs);
          this.notifier.success('notifications.preferences.saved');
        },
        error: (error: unknown) => {
          this.saving.set(false);
          if (error instanceof HttpErrorResponse && error.status === 409) {
            this.notifier.success('notifications.preferences.conflict');
            this.load();
          } else {
            this.notifier.problem(error);
          }
        },
      });
  }

  private show(prefs: NotificationPreferences): void {
    this.loaded.set(prefs);
    this.emailKinds.set(new Set(prefs.emailKinds));
    this.language.set(prefs.language);
  }
}
