import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Opportunity, OpportunityStageChange, PipelineSummary } from '@velosi/contracts';
import { Observable, map } from 'rxjs';

import { ListFilters, ListQuery, fetchPage } from '../../shared/list/list-page-state';
import { Page, QueryValue, listParams, parsePage } from '../../shared/sales/record-api';
import { recordUrl } from '../../shared/sales/records-http';

const OPPORTUNITIES = '/api/opportunities';

/** `/api/opportunities…`: lists, the pipeline summary and the stage move (the record's own routes go through RecordsHttp). */
@Injectable({ providedIn: 'root' })
export class OpportunitiesApi {
  private readonly http = inject(HttpClient);

  page(query: ListQuery<ListFilters>): Observable<Page<Opportunity>> {
    return fetchPage<Opportunity>(this.http, OPPORTUNITIES, query);
  }

  /** The rows of one request (a board column, a client's opportunities), without the page around them. */
  items(params: Record<string, QueryValue>): Observable<Opportunity[]> {
    return this.http
      .get<unknown>(OPPORTUNITIES, { params: listParams(params) })
      .pipe(map((raw) => parsePage<Opportunity>(raw).items));
  }

  pipeline(): Observable<PipelineSummary> {
    return this.http.get<PipelineSummary>(`${OPPORTUNITIES}/pipeline`);
  }

  /** `PATCH …/:id/stage` with `version` (a lost or won stage carries its reason). */
  changeStage(id: string, body: OpportunityStageChange): Observable<Opportunity> {
    return this.http.patch<Opportunity>(`${recordUrl('opportunities', id)}/stage`, body);
  }
}
