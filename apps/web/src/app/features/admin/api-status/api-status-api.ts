import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ApiInfo } from '@velosi/contracts';
import { Observable, map } from 'rxjs';

import { parseApiInfo } from './api-info';

/** `GET /api/info`: the API's version and database (ADMIN). */
@Injectable({ providedIn: 'root' })
export class ApiStatusApi {
  private readonly http = inject(HttpClient);

  info(): Observable<ApiInfo> {
    return this.http.get<unknown>('/api/info').pipe(map(parseApiInfo));
  }
}
