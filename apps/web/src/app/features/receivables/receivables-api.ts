import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ClientReceivableDetail,
  ReceivablesPage,
  ReminderSend,
  ReminderSendResult,
} from '@velosi/contracts';
import { Observable } from 'rxjs';

import { ListFilters, ListQuery } from '../../shared/list/list-page-state';
import { listParams } from '../../shared/sales/record-api';

/** The list route. */
export const RECEIVABLES_URL = '/api/receivables';

const clientUrl = (clientId: string, action?: string) =>
  `${RECEIVABLES_URL}/${encodeURIComponent(clientId)}${action ? `/${action}` : ''}`;

/** Optional `asOf` (ageing date; the API's default is today). */
const asOfParams = (asOf?: string) => (asOf ? new HttpParams().set('asOf', asOf) : new HttpParams());

/**
 * `/api/receivables…` (apps/api/src/receivables): balances and ageing in TND per client, a client's
 * open invoices, the statement of account PDF and the reminder e-mail. A commercial reads only
 * their clients (the API's visibility answers 404 for the others).
 */
@Injectable({ providedIn: 'root' })
export class ReceivablesApi {
  private readonly http = inject(HttpClient);

  /** One page of client balances, with the totals of every matching client (not only this page). */
  page({ page, pageSize, q, sort, filters }: ListQuery<ListFilters>): Observable<ReceivablesPage> {
    return this.http.get<ReceivablesPage>(RECEIVABLES_URL, {
      params: listParams({ page, pageSize, q, sort, ...filters }),
    });
  }

  /** A client's balance, ageing and open invoices. */
  client(clientId: string, asOf?: string): Observable<ClientReceivableDetail> {
    return this.http.get<ClientReceivableDetail>(clientUrl(clientId), { params: asOfParams(asOf) });
  }

  /** The statement of account as a blob (fetched with the bearer: a plain link could not send it). */
  statement(clientId: string, lang: string, asOf?: string): Observable<Blob> {
    return this.http.get(clientUrl(clientId, 'statement.pdf'), {
      params: asOfParams(asOf).set('lang', lang),
      responseType: 'blob',
    });
  }

  /** The overdue list by e-mail to the client (its address and language unless given). */
  remind(clientId: string, body: ReminderSend = {}): Observable<ReminderSendResult> {
    return this.http.post<ReminderSendResult>(clientUrl(clientId, 'reminder'), body);
  }
}
