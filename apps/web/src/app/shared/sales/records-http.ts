import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { RecordType } from './record-api';

/**
 * The routes every sales record has (docs/rules.md): get, create, PATCH with `version`, archive and
 * restore (`POST /api/<type>/:id/{archive,restore}` with `{ version }`).
 */
@Injectable({ providedIn: 'root' })
export class RecordsHttp {
  private readonly http = inject(HttpClient);

  get<T>(type: RecordType, id: string): Observable<T> {
    return this.http.get<T>(recordUrl(type, id));
  }

  create<T>(type: RecordType, body: object): Observable<T> {
    return this.http.post<T>(`/api/${type}`, body);
  }

  update<T, B extends { version: number } = { version: number }>(
    type: RecordType,
    id: string,
    body: B,
  ): Observable<T> {
    return this.http.patch<T>(recordUrl(type, id), body);
  }

  action<T>(type: RecordType, id: string, action: string, body: object): Observable<T> {
    return this.http.post<T>(`${recordUrl(type, id)}/${action}`, body);
  }

  setArchived<T>(type: RecordType, id: string, version: number, archived: boolean): Observable<T> {
    return this.action<T>(type, id, archived ? 'archive' : 'restore', { version });
  }
}

/** `/api/<type>/<id>`: the record's own route, the base of its actions. */
export function recordUrl(type: RecordType, id: string): string {
  return `/api/${type}/${encodeURIComponent(id)}`;
}
