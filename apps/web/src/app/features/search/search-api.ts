import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SearchResult } from '@velosi/contracts';
import { Observable } from 'rxjs';

/** `GET /api/search?q=`: the global search over every record the user may read. */
@Injectable({ providedIn: 'root' })
export class SearchApi {
  private readonly http = inject(HttpClient);

  search(q: string): Observable<SearchResult> {
    return this.http.get<SearchResult>('/api/search', { params: { q } });
  }
}
