import { Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';

import { registerSalesIcons } from '../ui/sales-icons';
import { ArchivableRecord, DetailRecord } from './detail-record';

/**
 * The title row of a detail page: the record's name, its badges (projected elements with class
 * `badge`, then "Archived"), and its actions — the page's own (projected), then "Add activity"
 * and "Archive/Restore" when allowed, which every sales record has:
 * `<app-detail-header [record]="record" [heading]="lead.fullName" headingTestId="lead-name"
 * archiveTestId="lead-archive" [canArchive]="canWrite()" …>…</app-detail-header>`.
 */
@Component({
  selector: 'app-detail-header',
  imports: [MatButtonModule, MatIconModule, TranslocoDirective],
  providers: [provideTranslocoScope('sales')],
  template: `
    <header *transloco="let t">
      <h1 [attr.data-testid]="headingTestId()">{{ heading() }}</h1>
      <ng-content select=".badge" />
      @if (archived()) {
        <span class="badge">{{ t('sales.list.archivedBadge') }}</span>
      }
      <span class="spacer"></span>
      <ng-content />
      @if (canAddActivity()) {
        <button mat-stroked-button type="button" data-testid="activity-create" (click)="addActivity.emit()">
          <mat-icon svgIcon="add" aria-hidden="true" />
          {{ t('sales.actions.addActivity') }}
        </button>
      }
      @if (canArchive()) {
        <button mat-button type="button" [attr.data-testid]="archiveTestId()" (click)="toggleArchived()">
          <mat-icon [svgIcon]="archived() ? 'unarchive' : 'archive'" aria-hidden="true" />
          {{ archived() ? t('sales.actions.restore') : t('sales.actions.archive') }}
        </button>
      }
    </header>
  `,
  styles: `
    @use './detail';

    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px;
      margin-bottom: 16px;
    }

    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }

    .spacer {
      flex: 1;
    }

    .badge {
      @include detail.badge;
    }
  `,
})
export class DetailHeader {
  readonly record = input.required<DetailRecord<ArchivableRecord>>();
  readonly heading = input.required<string>();
  readonly headingTestId = input.required<string>();
  readonly canAddActivity = input(false);
  readonly canArchive = input(false);
  /** `data-testid` of the archive/restore button. */
  readonly archiveTestId = input.required<string>();

  readonly addActivity = output();

  protected readonly archived = computed(() => !!this.record().value()?.archivedAt);

  constructor() {
    registerSalesIcons();
  }

  protected toggleArchived(): void {
    const value = this.record().value();
    if (value) void this.record().toggleArchived(value, this.heading());
  }
}
