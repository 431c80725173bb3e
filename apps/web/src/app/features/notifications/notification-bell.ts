import { Component, DestroyRef, OnInit, inject } from '@angular/core';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatDividerModule } from '@angular/material/divider';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import type { Notification } from '@velosi/contracts';

import { LanguageService } from '../../core/i18n/language.service';
import { LocalDatePipe } from '../../shared/ui/local-date.pipe';
import { registerIconSet } from '../../shared/ui/sales-icons';
import { NOTIFICATION_ICONS } from './notification-icons';
import { NotificationsStore, RECORD_ROUTES } from './notifications.store';

/** Top-bar bell: unread badge, the latest notifications, mark read, open the record. */
@Component({
  selector: 'app-notification-bell',
  imports: [
    MatBadgeModule,
    MatButtonModule,
    MatDividerModule,
    MatIconModule,
    MatMenuModule,
    MatProgressBarModule,
    RouterLink,
    TranslocoDirective,
    LocalDatePipe,
  ],
  providers: [provideTranslocoScope('notifications')],
  templateUrl: './notification-bell.html',
  styleUrl: './notification-bell.scss',
})
export class NotificationBell implements OnInit {
  protected readonly store = inject(NotificationsStore);
  protected readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    registerIconSet(NOTIFICATION_ICONS);
  }

  ngOnInit(): void {
    this.store.start(this.destroyRef);
  }

  protected open(notification: Notification): void {
    this.store.markRead(notification);
    void this.router.navigate([RECORD_ROUTES[notification.recordType], notification.recordId]);
  }

  /** Reminders carry the activity's due time, expiring quotes their last valid day. */
  protected detailKind(notification: Notification): 'dueAt' | 'validUntil' | 'milestone' | 'text' | null {
    if (!notification.detail) return null;
    if (notification.kind === 'activity-reminder') return 'dueAt';
    if (notification.kind === 'job-milestone') return 'milestone';
    if (notification.kind === 'quote-expiring') return 'validUntil';
    return 'text';
  }

  /** A job milestone's detail is `<kind> · <place>`: the kind is translated, the place shown as typed. */
  protected milestoneDetail(detail: string): { kind: string; place: string } {
    const [kind = '', ...place] = detail.split(' · ');
    return { kind, place: place.join(' · ') };
  }
}
