import { Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { JobProfitColumn } from '@velosi/contracts';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

import { LanguageService } from '../../../../core/i18n/language.service';
import { type MarginReading, marginReading } from './margin-reading';
import { formatMoney } from '../../../../shared/sales/money';

export type ProfitBasis = 'planned' | 'actual' | 'invoiced';

/**
 * Revenue, cost and margin in TND, one column per basis, as the API computed them (the job
 * detail's planned and actual, or the profit read's planned, actual and invoiced). Each margin is
 * its own column's revenue − cost: no figure sets one basis against another. A column with only
 * one side entered is not coloured as a loss: a note under it says what is missing (marginReading).
 */
@Component({
  selector: 'app-job-profit-columns',
  imports: [TranslocoDirective],
  template: `
    <div class="table-wrap" *transloco="let t; read: 'jobs'">
      <table class="profit-table">
        <caption class="cdk-visually-hidden">
          {{
            t('profitTable.caption')
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col"></th>
            @for (b of bases(); track b) {
              <th scope="col" class="num">{{ t('profitTable.' + b) }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows; track row.key) {
            <tr [class.margin]="row.key === 'margin'">
              <th scope="row">{{ t(row.label) }}</th>
              @for (b of bases(); track b) {
                @let value = columns()[b]?.[row.field];
                <td
                  class="num"
                  [class.loss]="row.key === 'margin' && reading(b) === 'loss'"
                  [attr.data-testid]="testIdPrefix() + '-' + row.key + '-' + b"
                >
                  {{ tnd(value) }}
                </td>
              }
            </tr>
          }
          @if (hasNotes()) {
            <tr class="notes">
              <td></td>
              @for (b of bases(); track b) {
                @let r = reading(b);
                <td class="num" [attr.data-testid]="testIdPrefix() + '-note-' + b">
                  @if (r === 'noSales' || r === 'noCosts') {
                    {{ t('profitTable.' + r + '.' + b) }}
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: './job-profit-columns.scss',
})
export class JobProfitColumns {
  readonly columns = input.required<Partial<Record<ProfitBasis, JobProfitColumn>>>();
  readonly bases = input.required<readonly ProfitBasis[]>();
  /** Cells are `<prefix>-revenue|cost|margin-<basis>`. */
  readonly testIdPrefix = input('profit');

  private readonly lang = inject(LanguageService).active;
  protected readonly rows = [
    { key: 'revenue', label: 'costs.revenue', field: 'revenueTnd' },
    { key: 'cost', label: 'costs.cost', field: 'costTnd' },
    { key: 'margin', label: 'profitTable.margin', field: 'marginTnd' },
  ] as const;

  protected tnd(value: string | undefined): string {
    return value === undefined ? '—' : formatMoney(value, BASE_CURRENCY, this.lang());
  }

  /** Each column's reading; no column (the profit read not loaded yet) reads neutral. */
  private readonly readings = computed(() => {
    const columns = this.columns();
    return new Map(this.bases().map((b) => [b, columns[b] ? marginReading(columns[b]) : 'neutral'] as const));
  });
  protected readonly hasNotes = computed(() =>
    [...this.readings().values()].some((r) => r === 'noSales' || r === 'noCosts'),
  );

  protected reading(basis: ProfitBasis): MarginReading {
    return this.readings().get(basis) ?? 'neutral';
  }
}
