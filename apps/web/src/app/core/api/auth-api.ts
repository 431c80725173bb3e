import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

/** `GET /api/auth/me`: who is signed in (the body is checked by the session store's parseMe). */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  me(): Observable<unknown> {
    return this.http.get<unknown>('/api/auth/me');
  }
}
