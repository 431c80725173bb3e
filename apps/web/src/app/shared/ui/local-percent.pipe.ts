import { Pipe, PipeTransform } from '@angular/core';

import { formatPercent } from '../sales/money';

/**
 * `{{ rate | localPercent: lang }}` — a rate in points (VAT 19, probability 60) the language's way:
 * `19%` in English, `19 %` in French. Pass the active language so the pure pipe reruns on a switch.
 */
@Pipe({ name: 'localPercent' })
export class LocalPercentPipe implements PipeTransform {
  transform(value: string | number | null | undefined, lang: string): string {
    return formatPercent(value, lang);
  }
}
