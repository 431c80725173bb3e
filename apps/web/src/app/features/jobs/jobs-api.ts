import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Job,
  JobCancel,
  JobChargeCreate,
  JobChargeUpdate,
  JobContainerCreate,
  JobContainerUpdate,
  JobDetail,
  JobMilestoneCreate,
  JobUpdate,
  Quote,
} from '@velosi/contracts';
import { Observable, map } from 'rxjs';

import { ListFilters, ListQuery, fetchPage } from '../../shared/list/list-page-state';
import { Page, parsePage } from '../../shared/sales/record-api';

/** `/api/jobs/<id>`: the job's own route, the base of its parts. */
export function jobUrl(id: string): string {
  return `/api/jobs/${encodeURIComponent(id)}`;
}

/**
 * `/api/jobs…`: operations job files. The job itself carries `version`; containers and charge
 * lines carry their own; milestones are only added or removed. Every write of a part answers the
 * whole job (its status, dates and profit move with it).
 */
@Injectable({ providedIn: 'root' })
export class JobsApi {
  private readonly http = inject(HttpClient);

  page(query: ListQuery<ListFilters>): Observable<Page<Job>> {
    return fetchPage<Job>(this.http, '/api/jobs', query);
  }

  update(id: string, body: JobUpdate): Observable<JobDetail> {
    return this.http.patch<JobDetail>(jobUrl(id), body);
  }

  cancel(id: string, body: JobCancel): Observable<JobDetail> {
    return this.http.post<JobDetail>(`${jobUrl(id)}/cancel`, body);
  }

  close(id: string, version: number): Observable<JobDetail> {
    return this.http.post<JobDetail>(`${jobUrl(id)}/close`, { version });
  }

  addContainer(id: string, body: JobContainerCreate): Observable<JobDetail> {
    return this.http.post<JobDetail>(`${jobUrl(id)}/containers`, body);
  }

  updateContainer(id: string, containerId: string, body: JobContainerUpdate): Observable<JobDetail> {
    return this.http.patch<JobDetail>(`${jobUrl(id)}/containers/${encodeURIComponent(containerId)}`, body);
  }

  deleteContainer(id: string, containerId: string): Observable<JobDetail> {
    return this.http.delete<JobDetail>(`${jobUrl(id)}/containers/${encodeURIComponent(containerId)}`);
  }

  addMilestone(id: string, body: JobMilestoneCreate): Observable<JobDetail> {
    return this.http.post<JobDetail>(`${jobUrl(id)}/milestones`, body);
  }

  deleteMilestone(id: string, milestoneId: string): Observable<JobDetail> {
    return this.http.delete<JobDetail>(`${jobUrl(id)}/milestones/${encodeURIComponent(milestoneId)}`);
  }

  addCharge(id: string, body: JobChargeCreate): Observable<JobDetail> {
    return this.http.post<JobDetail>(`${jobUrl(id)}/charges`, body);
  }

  updateCharge(id: string, chargeId: string, body: JobChargeUpdate): Observable<JobDetail> {
    return this.http.patch<JobDetail>(`${jobUrl(id)}/charges/${encodeURIComponent(chargeId)}`, body);
  }

  deleteCharge(id: string, chargeId: string): Observable<JobDetail> {
    return this.http.delete<JobDetail>(`${jobUrl(id)}/charges/${encodeURIComponent(chargeId)}`);
  }

  /** `POST /api/quotes/:id/job`: the accepted quote's job (created once, then the same one). */
  openFromQuote(quoteId: string): Observable<Job> {
    return this.http.post<Job>(`/api/quotes/${encodeURIComponent(quoteId)}/job`, {});
  }

  /**
   * The job of a quote, or null. The quote read names no job: the list is searched by the quote's
   * client (an exact filter) or, for a quote without one, by the quote's number.
   */
  findByQuote(quote: Pick<Quote, 'id' | 'number' | 'clientId'>): Observable<Job | null> {
    const filter: Record<string, string> = quote.clientId
      ? { clientId: quote.clientId }
      : { q: quote.number };
    return this.http
      .get<unknown>('/api/jobs', { params: { ...filter, page: 1, pageSize: 100, sort: 'number:desc' } })
      .pipe(map((raw) => parsePage<Job>(raw).items.find((job) => job.quoteId === quote.id) ?? null));
  }
}
