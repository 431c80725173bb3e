import { Pipe, PipeTransform } from '@angular/core';
import type { Money } from '@velosi/contracts';
import { formatMoney } from '../sales/money';

/**
 * `{{ amount | localMoney: lang : 'TND' }}`, or `{{ money | localMoney: lang }}` for an amount with
 * its currency: "1 250,500 TND" or "1 250,50 EUR" in French, "1,250.50 EUR" in English, `—` without
 * an amount (formatMoney's rule). Pass the active language so the pure pipe reruns on a switch.
 */
@Pipe({ name: 'localMoney' })
export class LocalMoneyPipe implements PipeTransform {
  transform(value: string | Money | null | undefined, lang: string, currency?: string): string {
    if (value !== null && typeof value === 'object') return formatMoney(value.amount, value.currency, lang);
    return formatMoney(value, currency ?? '', lang);
  }
}
