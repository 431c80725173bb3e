import { Injectable, Signal, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { Country, Currency } from '@velosi/contracts';
import { catchError, of } from 'rxjs';

import { LanguageService } from '../../core/i18n/language.service';
import { IsoApi } from '../../core/api/iso-api';

/** A choice of a code list: the code and its name in the active language. */
export interface CodeChoice {
  readonly code: string;
  readonly name: string;
}

/**
 * The ISO country and currency lists (IsoApi), fetched once per
 * session, named in the active language: what every country and currency picker offers.
 */
@Injectable({ providedIn: 'root' })
export class IsoLists {
  private readonly api = inject(IsoApi);
  private readonly lang = inject(LanguageService).active;
  private readonly countryList = toSignal(this.api.countries().pipe(catchError(() => of<Country[]>([]))), {
    initialValue: [] as Country[],
  });
  private readonly currencyList = toSignal(this.api.currencies().pipe(catchError(() => of<Currency[]>([]))), {
    initialValue: [] as Currency[],
  });

  readonly countries: Signal<readonly CodeChoice[]> = computed(() =>
    this.countryList().map((c) => ({ code: c.code, name: this.lang() === 'en' ? c.nameEn : c.nameFr })),
  );
  readonly currencies: Signal<readonly CodeChoice[]> = computed(() =>
    this.currencyList().map((c) => ({ code: c.code, name: this.lang() === 'en' ? c.nameEn : c.nameFr })),
  );
}

/** Lower case without accents: "tunisie" matches "Tunisie", "rades" matches "Radès". */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
