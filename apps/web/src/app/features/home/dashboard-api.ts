import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Dashboard } from '@velosi/contracts';
import { Observable } from 'rxjs';

/** The period and commercial the dashboard shows (ADMIN only picks a commercial). */
export interface DashboardFilter {
  from: string;
  to: string;
  commercialId: string | null;
}

function paramsOf(filter: DashboardFilter, extra: Record<string, string> = {}): HttpParams {
  let params = new HttpParams().set('from', filter.from).set('to', filter.to);
  if (filter.commercialId) params = params.set('commercialId', filter.commercialId);
  for (const [key, value] of Object.entries(extra)) params = params.set(key, value);
  return params;
}

/** `GET /api/dashboard` and the sales report files. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  dashboard(filter: DashboardFilter): Observable<Dashboard> {
    return this.http.get<Dashboard>('/api/dashboard', { params: paramsOf(filter) });
  }

  report(kind: 'pdf' | 'csv', filter: DashboardFilter, lang: string): Observable<Blob> {
    return this.http.get(`/api/reports/sales.${kind}`, {
      params: paramsOf(filter, { lang }),
      responseType: 'blob',
    });
  }
}
