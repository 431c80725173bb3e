import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Payment,
  PaymentCreateInput,
  PaymentPage,
  PaymentReverse,
  PaymentSummary,
} from '@velosi/contracts';
import { Observable } from 'rxjs';

import { ListFilters, ListQuery, fetchPage } from '../../shared/list/list-page-state';
import { Page } from '../../shared/sales/record-api';

/** The list route. */
export const PAYMENTS_URL = '/api/payments';

const paymentUrl = (id: string) => `${PAYMENTS_URL}/${encodeURIComponent(id)}`;

/**
 * `/api/payments…` (apps/api/src/payments/http): receipts allocated to invoices. The server checks
 * every allocation against the invoice's open amount in the recording transaction; the SPA only
 * helps the user type amounts that will pass.
 */
@Injectable({ providedIn: 'root' })
export class PaymentsApi {
  private readonly http = inject(HttpClient);

  page(query: ListQuery<ListFilters>): Observable<Page<PaymentSummary>> {
    return fetchPage<PaymentSummary>(this.http, PAYMENTS_URL, query);
  }

  /** Every payment allocated (partly) to one invoice, reversed ones included. */
  ofInvoice(invoiceId: string): Observable<PaymentPage> {
    return this.http.get<PaymentPage>(PAYMENTS_URL, {
      params: new HttpParams().set('invoiceId', invoiceId).set('pageSize', 100).set('sort', 'receivedOn:asc'),
    });
  }

  get(id: string): Observable<Payment> {
    return this.http.get<Payment>(paymentUrl(id));
  }

  create(body: PaymentCreateInput): Observable<Payment> {
    return this.http.post<Payment>(PAYMENTS_URL, body);
  }

  reverse(id: string, body: PaymentReverse): Observable<Payment> {
    return this.http.post<Payment>(`${paymentUrl(id)}/reverse`, body);
  }
}
