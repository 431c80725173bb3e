import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEntry } from '@velosi/contracts';
import { Observable, map } from 'rxjs';

import { ListFilters, ListQuery, fetchPage } from '../../../shared/list/list-page-state';
import { Page } from '../../../shared/sales/record-api';
import { UsersApi } from '../users/users-api';

/** `/api/admin/audit`: the audit trail, read only. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);
  private readonly users = inject(UsersApi);

  page(query: ListQuery<ListFilters>): Observable<Page<AuditEntry>> {
    return fetchPage<AuditEntry>(this.http, '/api/admin/audit', query);
  }

  /**
   * The name of each account by its id (the first hundred, a forwarder's staff), so a user id in a
   * change reads as its person ("Créé par Nadia Gharbi"); the actor column is named by the API.
   */
  accountNames(): Observable<ReadonlyMap<string, string>> {
    return this.users
      .page({ page: 1, pageSize: 100, q: '', sort: null, filters: {} })
      .pipe(
        map(
          (page) =>
            new Map(
              page.items.map((u) => [
                u.id,
                [u.firstName, u.lastName].filter(Boolean).join(' ') || u.username,
              ]),
            ),
        ),
      );
  }
}
