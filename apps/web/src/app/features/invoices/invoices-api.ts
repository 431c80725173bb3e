import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreditNoteCreate,
  Invoice,
  InvoiceCreate,
  InvoiceFromJob,
  InvoiceIssue,
  InvoicePage,
  InvoiceSend,
  InvoiceSendResult,
  InvoiceSummary,
  InvoiceUpdate,
} from '@velosi/contracts';
import { Observable } from 'rxjs';

import { ListFilters, ListQuery, fetchPage } from '../../shared/list/list-page-state';
import { Page } from '../../shared/sales/record-api';

/** The list route. */
export const INVOICES_URL = '/api/invoices';

function invoiceUrl(id: string, action?: string): string {
  const base = `${INVOICES_URL}/${encodeURIComponent(id)}`;
  return action ? `${base}/${action}` : base;
}

/**
 * `/api/invoices…`: invoices and credit notes (apps/api/src/invoices/http). The server prices,
 * numbers and stores the PDF; the SPA only shows live totals while a draft is typed.
 */
@Injectable({ providedIn: 'root' })
export class InvoicesApi {
  private readonly http = inject(HttpClient);

  /** One page of the list (the shared list state's fetch). */
  page(query: ListQuery<ListFilters>): Observable<Page<InvoiceSummary>> {
    return fetchPage<InvoiceSummary>(this.http, INVOICES_URL, query);
  }

  get(id: string): Observable<Invoice> {
    return this.http.get<Invoice>(invoiceUrl(id));
  }

  /** Invoices and credit notes of a job (the job page shows their status). */
  ofJob(jobId: string): Observable<InvoicePage> {
    return this.http.get<InvoicePage>(INVOICES_URL, {
      params: new HttpParams().set('jobId', jobId).set('pageSize', 100),
    });
  }

  /** Credit notes of a client (filtered to one invoice by the caller: the list has no such filter). */
  creditNotesOf(clientId: string): Observable<InvoicePage> {
    return this.http.get<InvoicePage>(INVOICES_URL, {
      params: new HttpParams().set('clientId', clientId).set('kind', 'credit_note').set('pageSize', 100),
    });
  }

  create(body: InvoiceCreate): Observable<Invoice> {
    return this.http.post<Invoice>(INVOICES_URL, body);
  }

  fromJob(body: InvoiceFromJob): Observable<Invoice> {
    return this.http.post<Invoice>(`${INVOICES_URL}/from-job`, body);
  }

  update(id: string, body: InvoiceUpdate): Observable<Invoice> {
    return this.http.patch<Invoice>(invoiceUrl(id), body);
  }

  delete(id: string, version: number): Observable<void> {
    return this.http.delete<void>(invoiceUrl(id), { params: new HttpParams().set('version', version) });
  }

  issue(id: string, body: InvoiceIssue): Observable<Invoice> {
    return this.http.post<Invoice>(invoiceUrl(id, 'issue'), body);
  }

  creditNote(id: string, body: CreditNoteCreate): Observable<Invoice> {
    return this.http.post<Invoice>(invoiceUrl(id, 'credit-notes'), body);
  }

  send(id: string, body: InvoiceSend): Observable<InvoiceSendResult> {
    return this.http.post<InvoiceSendResult>(invoiceUrl(id, 'send'), body);
  }

  /** The stored PDF as a blob: fetched with the bearer (an `<a href>` could not send it). */
  pdf(id: string): Observable<Blob> {
    return this.http.get(invoiceUrl(id, 'pdf'), { responseType: 'blob' });
  }

  /** The sales journal CSV of issue dates `from`..`to`. */
  salesJournal(from: string, to: string, lang: string): Observable<Blob> {
    const params = new HttpParams().set('from', from).set('to', to).set('lang', lang);
    return this.http.get(`${INVOICES_URL}/sales-journal.csv`, { params, responseType: 'blob' });
  }
}
