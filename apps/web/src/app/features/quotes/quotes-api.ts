import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Quote,
  QuoteAccept,
  QuoteCancel,
  QuoteCreateInput,
  QuoteDuplicate,
  QuoteReject,
  QuoteSendInput,
  QuoteSendResult,
  QuoteUpdate,
} from '@velosi/contracts';
import { Observable } from 'rxjs';

const BASE = '/api/quotes';

function at(id: string, action = ''): string {
  return `${BASE}/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

/** `/api/quotes…`: the freight quotes (the server computes totals and numbers, never the SPA). */
@Injectable({ providedIn: 'root' })
export class QuotesApi {
  private readonly http = inject(HttpClient);

  get(id: string): Observable<Quote> {
    return this.http.get<Quote>(at(id));
  }

  create(body: QuoteCreateInput): Observable<Quote> {
    return this.http.post<Quote>(BASE, body);
  }

  update(id: string, body: QuoteUpdate): Observable<Quote> {
    return this.http.patch<Quote>(at(id), body);
  }

  send(id: string, body: QuoteSendInput): Observable<QuoteSendResult> {
    return this.http.post<QuoteSendResult>(at(id, 'send'), body);
  }

  accept(id: string, body: QuoteAccept): Observable<Quote> {
    return this.http.post<Quote>(at(id, 'accept'), body);
  }

  reject(id: string, body: QuoteReject): Observable<Quote> {
    return this.http.post<Quote>(at(id, 'reject'), body);
  }

  cancel(id: string, body: QuoteCancel): Observable<Quote> {
    return this.http.post<Quote>(at(id, 'cancel'), body);
  }

  /** A new draft copied from the quote (new number); answers the copy. */
  duplicate(id: string, body: QuoteDuplicate = {}): Observable<Quote> {
    return this.http.post<Quote>(at(id, 'duplicate'), body);
  }

  /** A new revision (draft, `-v2`); the quote becomes superseded. Answers the new revision. */
  revise(id: string, version: number): Observable<Quote> {
    return this.http.post<Quote>(at(id, 'revise'), { version });
  }

  /** The PDF as a blob: fetched with the bearer (an `<a href>` could not send it). */
  pdf(id: string): Observable<Blob> {
    return this.http.get(at(id, 'pdf'), { responseType: 'blob' });
  }
}
