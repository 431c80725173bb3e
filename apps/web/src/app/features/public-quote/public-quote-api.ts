import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PublicQuoteAccept, PublicQuotePage, PublicQuoteReject } from '@velosi/contracts';
import { Observable } from 'rxjs';

function at(token: string, action = ''): string {
  return `/api/public/quotes/${encodeURIComponent(token)}${action ? `/${action}` : ''}`;
}

/** The customer's side of a quote link: no session, the token is the only key. */
@Injectable({ providedIn: 'root' })
export class PublicQuoteApi {
  private readonly http = inject(HttpClient);

  get(token: string): Observable<PublicQuotePage> {
    return this.http.get<PublicQuotePage>(at(token));
  }

  /** The quote as PDF, for a plain download link. */
  pdfUrl(token: string): string {
    return at(token, 'pdf');
  }

  accept(token: string, body: PublicQuoteAccept): Observable<unknown> {
    return this.http.post(at(token, 'accept'), body);
  }

  reject(token: string, body: PublicQuoteReject): Observable<unknown> {
    return this.http.post(at(token, 'reject'), body);
  }
}
