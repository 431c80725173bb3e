import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type {
  Notification,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  NotificationRecordType,
} from '@velosi/contracts';
import { Observable } from 'rxjs';

import { NotificationsApi } from './notifications-api';

/** How often the bell asks for news while the tab is visible. */
export const POLL_INTERVAL_MS = 30_000;

/** SPA route of the record a notification opens (the API's e-mails use the same paths). */
export const RECORD_ROUTES: Record<NotificationRecordType, string> = {
  quote: '/quotes',
  lead: '/leads',
  opportunity: '/opportunities',
  client: '/clients',
  job: '/jobs',
};

/**
 * The signed-in user's notifications, polled every 30 s while the tab is visible (paused when it
 * is hidden, refreshed as soon as it is shown again). Polling rather than SSE: a short GET goes
 * through the web proxy and the transaction pooler like any request, holds no connection open per
 * user, and a 30-second delay is fine for these events.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly api = inject(NotificationsApi);
  private readonly document = inject(DOCUMENT);

  readonly items = signal<Notification[]>([]);
  readonly unread = signal(0);
  readonly loading = signal(false);
  readonly failed = signal(false);

  private timer: ReturnType<typeof setInterval> | undefined;

  /** Starts polling for the lifetime of `destroyRef` (the top bar). */
  start(destroyRef: DestroyRef): void {
    const onVisibility = () => {
      if (this.document.visibilityState === 'visible') this.refresh();
    };
    this.document.addEventListener('visibilitychange', onVisibility);
    this.timer = setInterval(() => {
      if (this.document.visibilityState === 'visible') this.refresh();
    }, POLL_INTERVAL_MS);
    this.refresh();
    destroyRef.onDestroy(() => {
      clearInterval(this.timer);
      this.document.removeEventListener('visibilitychange', onVisibility);
    });
  }

  refresh(): void {
    this.loading.set(true);
    this.api.latest(20).subscribe({
      next: (list) => {
        this.items.set(list.items);
        this.unread.set(list.unread);
        this.failed.set(false);
        this.loading.set(false);
      },
      error: () => {
        this.failed.set(true);
        this.loading.set(false);
      },
    });
  }

  markRead(notification: Notification): void {
    if (notification.readAt) return;
    this.api.markRead(notification.id).subscribe({
      next: (read) => {
        this.items.update((items) => items.map((n) => (n.id === read.id ? read : n)));
        this.unread.update((count) => Math.max(0, count - 1));
      },
      error: () => this.refresh(),
    });
  }

  markAllRead(): void {
    this.api.markAllRead().subscribe({
      next: () => {
        const now = new Date().toISOString();
        this.items.update((items) => items.map((n) => ({ ...n, readAt: n.readAt ?? now })));
        this.unread.set(0);
      },
      error: () => this.refresh(),
    });
  }

  preferences(): Observable<NotificationPreferences> {
    return this.api.preferences();
  }

  savePreferences(body: NotificationPreferencesUpdate): Observable<NotificationPreferences> {
    return this.api.savePreferences(body);
  }
}
