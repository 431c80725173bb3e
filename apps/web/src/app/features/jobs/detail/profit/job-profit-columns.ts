import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { JobProfitColumn } from '@velosi/contracts';
import { BASE_CURRENCY } from '@velosi/contracts/vocabulary';

import { LanguageService } from '../../../../core/i18n/language.service';
import { formatMoney } from '../../../quotes/quote-options';

export type ProfitBasis = 'planned' | 'actual' | 'invoiced';

/**
 * Revenue, cost and margin in TND, one column per basis, as the API computed them (the job
 * detail's planned and actual, or the profit read's planned, actual and invoiced). Each margin is
 * its own column's revenue − cost: no figure sets one basis against another.
 */
@Component({
  selector: 'app-job-profit-columns',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
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
                  [class.loss]="row.key === 'margin' && negative(value)"
                  [attr.data-testid]="testIdPrefix() + '-' + row.key + '-' + b"
                >
                  {{ tnd(value) }}
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

  protected negative(value: string | undefined): boolean {
    return value?.startsWith('-') ?? false;
  }
}
