import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Activity } from '@velosi/contracts';
import { Observable } from 'rxjs';

import { ListFilters, ListQuery, fetchPage } from '../../shared/list/list-page-state';
import { Page } from '../../shared/sales/record-api';

/** `/api/activities`: the list (the record's own routes go through RecordsHttp). */
@Injectable({ providedIn: 'root' })
export class ActivitiesApi {
  private readonly http = inject(HttpClient);

  page(query: ListQuery<ListFilters>): Observable<Page<Activity>> {
    return fetchPage<Activity>(this.http, '/api/activities', query);
  }
}
