import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SalesTarget, SalesTargetCreate, SalesTargetPage } from '@velosi/contracts';
import { Observable } from 'rxjs';

/** `/api/sales-targets` (ADMIN writes; progress is computed by the API on every read). */
@Injectable({ providedIn: 'root' })
export class TargetsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<SalesTargetPage> {
    return this.http.get<SalesTargetPage>('/api/sales-targets', { params: { pageSize: 100 } });
  }

  create(body: SalesTargetCreate): Observable<SalesTarget> {
    return this.http.post<SalesTarget>('/api/sales-targets', body);
  }

  archive(target: SalesTarget): Observable<SalesTarget> {
    return this.http.post<SalesTarget>(`/api/sales-targets/${target.id}/archive`, {
      version: target.version,
    });
  }
}
