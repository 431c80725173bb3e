import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type Client,
  type ClientDuplicates,
  type Contact,
  type ContactCreateInput,
  type ContactUpdate,
  type VatSuspensionExpiringList,
  VatSuspensionExpiringListSchema,
} from '@velosi/contracts';
import { Observable, catchError, map, of, switchMap } from 'rxjs';

import { ListFilters, ListQuery, fetchPage } from '../../shared/list/list-page-state';
import { Page, QueryValue, listParams, parsePage } from '../../shared/sales/record-api';
import { recordUrl } from '../../shared/sales/records-http';
import { billingEmail } from './billing-email';

/** What the duplicate check compares (empty values are left out). */
export interface ClientLookAlike {
  readonly name: string;
  readonly fiscalId: string;
  readonly excludeId: string | null;
}

/** `/api/clients…`: the list, duplicate check, VAT suspensions and contacts (the record's own routes go through RecordsHttp). */
@Injectable({ providedIn: 'root' })
export class ClientsApi {
  private readonly http = inject(HttpClient);

  page(query: ListQuery<ListFilters>): Observable<Page<Client>> {
    return fetchPage<Client>(this.http, '/api/clients', query);
  }

  duplicates({ name, fiscalId, excludeId }: ClientLookAlike): Observable<ClientDuplicates> {
    let params = new HttpParams();
    if (name) params = params.set('name', name);
    if (fiscalId) params = params.set('fiscalId', fiscalId);
    if (excludeId) params = params.set('excludeId', excludeId);
    return this.http.get<ClientDuplicates>('/api/clients/duplicates', { params });
  }

  expiringVatSuspensions(): Observable<VatSuspensionExpiringList> {
    return this.http
      .get<unknown>('/api/clients/vat-suspensions/expiring')
      .pipe(map((raw) => VatSuspensionExpiringListSchema.parse(raw)));
  }

  contacts(clientId: string, params: Record<string, QueryValue>): Observable<Contact[]> {
    return this.http
      .get<unknown>(contactsUrl(clientId), { params: listParams(params) })
      .pipe(map((raw) => parsePage<Contact>(raw).items));
  }

  contact(clientId: string, contactId: string): Observable<Contact> {
    return this.http.get<Contact>(contactUrl(clientId, contactId));
  }

  createContact(clientId: string, body: ContactCreateInput): Observable<Contact> {
    return this.http.post<Contact>(contactsUrl(clientId), body);
  }

  updateContact(clientId: string, contactId: string, body: ContactUpdate): Observable<Contact> {
    return this.http.patch<Contact>(contactUrl(clientId, contactId), body);
  }

  deleteContact(clientId: string, contactId: string, version: number): Observable<unknown> {
    return this.http.delete(contactUrl(clientId, contactId), { params: { version } });
  }

  /**
   * Where the client's invoices and reminders go unless the user types others: the client's
   * e-mail, else the first address of its primary contact. Null when there is none or the client
   * cannot be read (the dialog then starts empty, as before).
   */
  billingEmail(clientId: string): Observable<string | null> {
    return this.http.get<Client>(recordUrl('clients', clientId)).pipe(
      switchMap((client) =>
        client.email
          ? of(client.email)
          : this.contacts(clientId, { isPrimary: true, pageSize: 1 }).pipe(
              map((contacts) => billingEmail(client, contacts[0])),
            ),
      ),
      catchError(() => of(null)),
    );
  }
}

function contactsUrl(clientId: string): string {
  return `${recordUrl('clients', clientId)}/contacts`;
}

function contactUrl(clientId: string, contactId: string): string {
  return `${contactsUrl(clientId)}/${encodeURIComponent(contactId)}`;
}
