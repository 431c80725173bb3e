import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Quote,
  QuoteAccept,
  QuoteListItem,
  QuoteCancel,
  QuoteCreateInput,
  QuoteDuplicate,
  QuoteMailPreview,
  QuoteMailPreviewRequest,
  QuoteReject,
  QuoteSendInput,
  QuoteSendResult,
  QuoteUpdate,
} from '@velosi/contracts';
import { Observable, map } from 'rxjs';

import { ListFilters, ListQuery, fetchPage } from '../../shared/list/list-page-state';
import { Page, QueryValue, listParams, parsePage } from '../../shared/sales/record-api';

import { RecordsHttp, recordUrl } from '../../shared/sales/records-http';

/**
 * `/api/quotes…`: the freight quotes (the server computes totals and numbers, never the SPA).
 * Typed names for the generic record routes, plus the quote's own actions.
 */
@Injectable({ providedIn: 'root' })
export class QuotesApi {
  private readonly http = inject(HttpClient);
  private readonly records = inject(RecordsHttp);

  /** List rows carry no lines (QuoteListItem): the detail page reads them. */
  page(query: ListQuery<ListFilters>): Observable<Page<QuoteListItem>> {
    return fetchPage<QuoteListItem>(this.http, '/api/quotes', query);
  }

  /** The rows of one request (a record's quotes), without the page around them. */
  items(params: Record<string, QueryValue>): Observable<QuoteListItem[]> {
    return this.http
      .get<unknown>('/api/quotes', { params: listParams(params) })
      .pipe(map((raw) => parsePage<QuoteListItem>(raw).items));
  }

  get(id: string): Observable<Quote> {
    return this.records.get<Quote>('quotes', id);
  }

  create(body: QuoteCreateInput): Observable<Quote> {
    return this.records.create<Quote>('quotes', body);
  }

  update(id: string, body: QuoteUpdate): Observable<Quote> {
    return this.records.update<Quote, QuoteUpdate>('quotes', id, body);
  }

  send(id: string, body: QuoteSendInput): Observable<QuoteSendResult> {
    return this.records.action<QuoteSendResult>('quotes', id, 'send', body);
  }

  /** The e-mail `send` would write with this body (nothing is sent). */
  mailPreview(id: string, body: QuoteMailPreviewRequest): Observable<QuoteMailPreview> {
    return this.http.post<QuoteMailPreview>(`${recordUrl('quotes', id)}/send/preview`, body);
  }

  accept(id: string, body: QuoteAccept): Observable<Quote> {
    return this.records.action<Quote>('quotes', id, 'accept', body);
  }

  reject(id: string, body: QuoteReject): Observable<Quote> {
    return this.records.action<Quote>('quotes', id, 'reject', body);
  }

  cancel(id: string, body: QuoteCancel): Observable<Quote> {
    return this.records.action<Quote>('quotes', id, 'cancel', body);
  }

  /** A new draft copied from the quote (new number); answers the copy. */
  duplicate(id: string, body: QuoteDuplicate = {}): Observable<Quote> {
    return this.records.action<Quote>('quotes', id, 'duplicate', body);
  }

  /** A new revision (draft, `-v2`); the quote becomes superseded. Answers the new revision. */
  revise(id: string, version: number): Observable<Quote> {
    return this.records.action<Quote>('quotes', id, 'revise', { version });
  }

  /** The PDF as a blob: fetched with the bearer (an `<a href>` could not send it). */
  pdf(id: string): Observable<Blob> {
    return this.http.get(`${recordUrl('quotes', id)}/pdf`, { responseType: 'blob' });
  }
}
