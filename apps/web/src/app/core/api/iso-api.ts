import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Country, Currency } from '@velosi/contracts';
import { Observable } from 'rxjs';

/** `GET /api/countries`, `/api/currencies`: the ISO lists every country and currency picker offers. */
@Injectable({ providedIn: 'root' })
export class IsoApi {
  private readonly http = inject(HttpClient);

  countries(): Observable<Country[]> {
    return this.http.get<Country[]>('/api/countries');
  }

  currencies(): Observable<Currency[]> {
    return this.http.get<Currency[]>('/api/currencies');
  }
}
