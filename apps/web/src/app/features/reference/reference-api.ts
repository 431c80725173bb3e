import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { Page, QueryValue, listParams, parsePage } from '../../shared/sales/record-api';

/** What every reference row carries (the generic page reads the rest by field key). */
export interface ReferenceRow {
  readonly id: string;
  readonly version: number;
  readonly archivedAt: string | null;
  readonly [field: string]: unknown;
}

/** The routes every reference object has (`/api/<path>`…): list, export, create, update, archive. */
@Injectable({ providedIn: 'root' })
export class ReferenceApi {
  private readonly http = inject(HttpClient);

  list(path: string, params: Record<string, QueryValue>): Observable<Page<ReferenceRow>> {
    return this.http
      .get<unknown>(`/api/${path}`, { params: listParams(params) })
      .pipe(map((raw) => parsePage<ReferenceRow>(raw)));
  }

  create(path: string, body: object): Observable<ReferenceRow> {
    return this.http.post<ReferenceRow>(`/api/${path}`, body);
  }

  update(path: string, id: string, body: object & { version: number }): Observable<ReferenceRow> {
    return this.http.patch<ReferenceRow>(`/api/${path}/${encodeURIComponent(id)}`, body);
  }

  setArchived(path: string, row: ReferenceRow, archived: boolean): Observable<ReferenceRow> {
    const action = archived ? 'archive' : 'restore';
    return this.http.post<ReferenceRow>(`/api/${path}/${encodeURIComponent(row.id)}/${action}`, {
      version: row.version,
    });
  }

  /** The CSV of the list with the same filters (a file: saved by the browser). */
  exportCsv(path: string, params: Record<string, QueryValue>): Observable<Blob> {
    return this.http.get(`/api/${path}/export.csv`, { params: listParams(params), responseType: 'blob' });
  }
}

export { saveFile } from '../../shared/csv/save-file';
