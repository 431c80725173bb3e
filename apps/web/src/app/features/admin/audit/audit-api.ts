import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEntry } from '@velosi/contracts';
import { Observable } from 'rxjs';

import { ListFilters, ListQuery, fetchPage } from '../../../shared/list/list-page-state';
import { Page } from '../../../shared/sales/record-api';

/** `/api/admin/audit`: the audit trail, read only. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  page(query: ListQuery<ListFilters>): Observable<Page<AuditEntry>> {
    return fetchPage<AuditEntry>(this.http, '/api/admin/audit', query);
  }
}
