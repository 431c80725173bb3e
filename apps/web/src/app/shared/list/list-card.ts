import { Component, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorIntl, MatPaginatorModule } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoPipe, provideTranslocoScope } from '@jsverse/transloco';

import { TranslatedPaginatorIntl } from '../ui/translated-paginator-intl';
import { ListView } from './list-page-state';
import { LIST_TEXTS } from './list-texts';

/**
 * The card around a list's table: a progress bar while a page loads (the previous page stays
 * visible), the first-load, error and empty states, the table (projected; the page shows it only
 * when `list.rows()` has rows) and the paginator. The empty text comes translated from the page;
 * the loading, error and pagination texts default to the generic ones (list-texts.ts; a page
 * passes its own only where they differ). `testid` names the states `<testid>-loading|error|empty`.
 */
@Component({
  selector: 'app-list-card',
  imports: [
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    TranslocoPipe,
  ],
  providers: [
    { provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl },
    provideTranslocoScope('sales'),
  ],
  host: { '[attr.aria-busy]': 'list().loading()' },
  template: `
    @let status = list().errorStatus();
    @let current = list().page();
    @let loading = loadingText() ?? (texts.loading | transloco);
    <div class="progress-slot">
      @if (list().loading() && current) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="loading" />
      }
    </div>

    @if (status !== null) {
      <div class="state state-error" role="alert" [attr.data-testid]="testidOf('error')">
        <mat-icon svgIcon="error" aria-hidden="true" />
        <span>{{
          status === 0
            ? ('errors.unreachable' | transloco)
            : (errorText() ?? (texts.error | transloco: { status }))
        }}</span>
        <button mat-stroked-button type="button" (click)="list().reload()">
          <mat-icon svgIcon="refresh" aria-hidden="true" />
          {{ 'common.retry' | transloco }}
        </button>
      </div>
    } @else if (!current) {
      <div class="state" role="status" [attr.data-testid]="testidOf('loading')">
        <mat-progress-spinner mode="indeterminate" diameter="28" aria-hidden="true" />
        <span>{{ loading }}</span>
      </div>
    } @else if (current.items.length === 0) {
      <div class="state" role="status" [attr.data-testid]="testidOf('empty')">
        <mat-icon [svgIcon]="emptyIcon()" aria-hidden="true" />
        <span>{{ emptyText() }}</span>
      </div>
    }

    <div class="table-scroll"><ng-content /></div>

    @if (status === null && current && current.total > 0) {
      <mat-paginator
        [length]="current.total"
        [pageIndex]="list().pageIndex()"
        [pageSize]="list().pageSize()"
        [pageSizeOptions]="pageSizeOptions"
        [attr.aria-label]="paginationLabel() ?? (texts.pagination | transloco)"
        (page)="list().changePage($event)"
      />
    }
  `,
  styles: `
    :host {
      display: block;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface);
      overflow: hidden;
    }

    /* Reserved height: the bar appearing while a page loads does not push the table down. */
    .progress-slot {
      height: 4px;
    }

    .table-scroll {
      overflow-x: auto;
    }

    .state {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      min-height: 56px;
      padding: 24px;
      font: var(--mat-sys-body-large);
    }

    .state-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ListCard {
  readonly list = input.required<ListView>();
  /** Prefix of the states' data-testid (`leads` → `leads-empty`); none when left out. */
  readonly testid = input<string>();
  readonly loadingText = input<string>();
  /** Shown for any error but an unreachable API (which has its own message). */
  readonly errorText = input<string>();
  readonly emptyText = input.required<string>();
  readonly emptyIcon = input('search_off');
  /** The paginator's accessible name. */
  readonly paginationLabel = input<string>();

  protected readonly texts = LIST_TEXTS;
  protected readonly pageSizeOptions = [10, 20, 50, 100];

  protected testidOf(state: 'loading' | 'error' | 'empty'): string | null {
    const prefix = this.testid();
    return prefix ? `${prefix}-${state}` : null;
  }
}
