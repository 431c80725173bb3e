import { Pipe, PipeTransform } from '@angular/core';
import { formatQuantity } from '../sales/money';

/**
 * `{{ weight | localQuantity: lang }}` — a quantity, weight, volume or rate with its significant
 * decimals only (`42 000`, `12,25`). Pass the active language so the pure pipe reruns on a switch.
 */
@Pipe({ name: 'localQuantity' })
export class LocalQuantityPipe implements PipeTransform {
  transform(value: string | null | undefined, lang: string): string {
    return formatQuantity(value, lang);
  }
}
