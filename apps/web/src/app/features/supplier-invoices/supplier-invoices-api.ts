import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  JobProfitBreakdown,
  SupplierInvoice,
  SupplierInvoiceCreateInput,
  SupplierInvoiceSummary,
  SupplierInvoiceUpdate,
} from '@velosi/contracts';
import { Observable, map } from 'rxjs';

import { jobUrl } from '../jobs/jobs-api';
import { listParams, parsePage, type Page, type QueryValue } from '../../shared/sales/record-api';

const BASE = '/api/supplier-invoices';
const url = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

/**
 * `/api/supplier-invoices…` (recorded against job cost lines; FINANCE and ADMIN write, OPERATIONS
 * reads) and `GET /api/jobs/:id/profit`, the planned vs actual vs invoiced table they feed.
 */
@Injectable({ providedIn: 'root' })
export class SupplierInvoicesApi {
  private readonly http = inject(HttpClient);

  list(query: Record<string, QueryValue>): Observable<Page<SupplierInvoiceSummary>> {
    return this.http
      .get<unknown>(BASE, { params: listParams(query) })
      .pipe(map((raw) => parsePage<SupplierInvoiceSummary>(raw)));
  }

  get(id: string): Observable<SupplierInvoice> {
    return this.http.get<SupplierInvoice>(url(id));
  }

  create(body: SupplierInvoiceCreateInput): Observable<SupplierInvoice> {
    return this.http.post<SupplierInvoice>(BASE, body);
  }

  update(id: string, body: SupplierInvoiceUpdate): Observable<SupplierInvoice> {
    return this.http.patch<SupplierInvoice>(url(id), body);
  }

  archive(id: string, version: number): Observable<SupplierInvoiceSummary> {
    return this.http.post<SupplierInvoiceSummary>(`${url(id)}/archive`, { version });
  }

  profit(jobId: string): Observable<JobProfitBreakdown> {
    return this.http.get<JobProfitBreakdown>(`${jobUrl(jobId)}/profit`);
  }
}
