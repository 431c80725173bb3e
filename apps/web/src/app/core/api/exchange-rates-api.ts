import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ExchangeRateRecord } from '@velosi/contracts';
import { Observable } from 'rxjs';

/** `/api/exchange-rates…` as the sales forms read it (the reference pages go through ReferenceApi). */
@Injectable({ providedIn: 'root' })
export class ExchangeRatesApi {
  private readonly http = inject(HttpClient);

  /** The rate of `currency` on `date` (the last one known on that day). */
  rateOf(currency: string, date: string): Observable<ExchangeRateRecord> {
    return this.http.get<ExchangeRateRecord>('/api/exchange-rates/rate-of', { params: { currency, date } });
  }
}
