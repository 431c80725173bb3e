import { Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';

import { registerSalesIcons } from '../ui/sales-icons';
import { RecordLoadState, loadRetryable } from './detail-record';

/**
 * The frame of a detail page: the link back to the list, then the error (with Retry) or loading
 * state of the record, a bar while one of the page's actions runs (`busy`), then the page's own
 * content (shown by the page once the record is there):
 * `<app-detail-page [record]="record" back="/leads" [backLabel]="t('leads.title')">…</app-detail-page>`.
 */
@Component({
  selector: 'app-detail-page',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('sales')],
  template: `
    <section *transloco="let t">
      <a mat-button [routerLink]="back()">
        <mat-icon svgIcon="arrow_back" aria-hidden="true" />
        {{ backLabel() }}
      </a>
      @let status = record().errorStatus();
      @if (status !== null) {
        <div class="state state-error" role="alert" [attr.data-testid]="errorTestId()">
          <mat-icon svgIcon="error" aria-hidden="true" />
          <span>{{
            status === 404 ? t('sales.list.notFound') : t('sales.list.error', { status: status })
          }}</span>
          @if (retryable(status)) {
            <button mat-stroked-button type="button" (click)="record().reload()">
              {{ t('common.retry') }}
            </button>
          }
        </div>
      } @else if (!record().loaded()) {
        <div class="state" role="status">
          <mat-progress-spinner mode="indeterminate" diameter="28" aria-hidden="true" />
          <span>{{ t('sales.list.loading') }}</span>
        </div>
      }
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="busyLabel()" />
      }
      <ng-content />
    </section>
  `,
  styles: `
    @use './detail';

    :host {
      display: block;
    }

    .state {
      @include detail.state;
    }

    .state-error {
      @include detail.state-error;
    }
  `,
})
export class DetailPage {
  readonly record = input.required<RecordLoadState>();
  /** Route of the list. */
  readonly back = input.required<string>();
  /** Text of the back link, translated. */
  readonly backLabel = input.required<string>();
  /** `data-testid` of the error message. */
  readonly errorTestId = input<string>();
  /** An action of the page is running; `busyLabel` names the bar, translated. */
  readonly busy = input(false);
  readonly busyLabel = input<string>();
  protected readonly retryable = loadRetryable;

  constructor() {
    registerSalesIcons();
  }
}
