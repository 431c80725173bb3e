import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdminUser,
  AdminUserPage,
  CreateUser,
  ResetPassword,
  UpdateUser,
  UserSession,
} from '@velosi/contracts';
import { Observable } from 'rxjs';

import { ListFilters, ListQuery, fetchPage } from '../../../shared/list/list-page-state';

/** `/api/admin/users…` (user administration; the API talks to Keycloak's Admin REST API). */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);

  page(query: ListQuery<ListFilters>): Observable<AdminUserPage> {
    return fetchPage(this.http, '/api/admin/users', query, parseUserPage);
  }

  create(body: CreateUser): Observable<AdminUser> {
    return this.http.post<AdminUser>('/api/admin/users', body);
  }

  update(id: string, body: UpdateUser): Observable<AdminUser> {
    return this.http.patch<AdminUser>(`/api/admin/users/${encodeURIComponent(id)}`, body);
  }

  resetPassword(id: string, body: ResetPassword): Observable<unknown> {
    return this.http.post(`/api/admin/users/${encodeURIComponent(id)}/reset-password`, body);
  }

  sessions(id: string): Observable<UserSession[]> {
    return this.http.get<UserSession[]>(`/api/admin/users/${encodeURIComponent(id)}/sessions`);
  }

  endSessions(id: string): Observable<unknown> {
    return this.http.delete(`/api/admin/users/${encodeURIComponent(id)}/sessions`);
  }
}

/** Shape check of a page of users (the API validates its output with AdminUserPageSchema). */
export function parseUserPage(raw: unknown): AdminUserPage {
  const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { items, total, page, pageSize } = body;
  if (
    !Array.isArray(items) ||
    typeof total !== 'number' ||
    typeof page !== 'number' ||
    typeof pageSize !== 'number'
  ) {
    throw new TypeError('Unexpected /api/admin/users body');
  }
  return { items: items as AdminUser[], total, page, pageSize };
}
