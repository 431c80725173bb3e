import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Notification,
  NotificationList,
  NotificationPreferences,
  NotificationPreferencesUpdate,
} from '@velosi/contracts';
import { Observable } from 'rxjs';

const NOTIFICATIONS = '/api/notifications';

/** `/api/notifications…`: the signed-in user's notifications and preferences. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  latest(limit: number): Observable<NotificationList> {
    return this.http.get<NotificationList>(NOTIFICATIONS, { params: { limit } });
  }

  markRead(id: string): Observable<Notification> {
    return this.http.post<Notification>(`${NOTIFICATIONS}/${encodeURIComponent(id)}/read`, {});
  }

  markAllRead(): Observable<unknown> {
    return this.http.post(`${NOTIFICATIONS}/read-all`, {});
  }

  preferences(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>(`${NOTIFICATIONS}/preferences`);
  }

  savePreferences(body: NotificationPreferencesUpdate): Observable<NotificationPreferences> {
    return this.http.put<NotificationPreferences>(`${NOTIFICATIONS}/preferences`, body);
  }
}
