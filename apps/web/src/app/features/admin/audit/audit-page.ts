import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { TranslocoDirective } from '@jsverse/transloco';
import type { AUDIT_SORT_FIELDS, AuditEntry } from '@velosi/contracts';

import { LanguageService } from '../../../core/i18n/language.service';
import { CsvExportButton } from '../../../shared/csv/csv-export-button';
import { DateField } from '../../../shared/fields/dates/date-field';
import { ListCard } from '../../../shared/list/list-card';
import { ListPageState } from '../../../shared/list/list-page-state';
import { AuditApi } from './audit-api';
import { auditLabel } from './audit-labels';
import { ListRows, ListTable } from '../../../shared/list/list-table';
import { ListToolbar } from '../../../shared/list/list-toolbar';
import { LocalDatePipe } from '../../../shared/ui/local-date.pipe';
import { PageHeader } from '../../../shared/ui/page-header/page-header';

const SORTABLE = [
  'at',
  'action',
  'entity',
  'actor',
] as const satisfies readonly (typeof AUDIT_SORT_FIELDS)[number][];

/** The actions an administrator looks for most; any other can still be typed in the address. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'create',
  'update',
  'archive',
  'restore',
  'delete',
  'reset_password',
  'end_sessions',
] as const;

// A type, not an interface: only types fit ListFilters' index signature.
type AuditFilters = {
  entity: string;
  action: string;
  from: string;
  to: string;
};

const TEXT_FILTERS = ['entity'] as const;
const DATE_FILTERS = ['from', 'to'] as const;

/**
 * The audit log (ADMIN): who did what and when, sign-ins included. The search field takes a
 * username, a user id or a record id; filters narrow by object, action and period.
 */
@Component({
  selector: 'app-audit-page',
  imports: [
    CsvExportButton,
    DateField,
    ListCard,
    ListTable,
    ListToolbar,
    LocalDatePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    PageHeader,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.html',
  styleUrls: ['../../../shared/list/list-page.scss', './audit-page.scss'],
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  protected readonly lang = inject(LanguageService).active;
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly label = auditLabel;
  protected readonly textFilters = TEXT_FILTERS;
  protected readonly dateFilters = DATE_FILTERS;

  protected readonly list = new ListPageState<AuditEntry, AuditFilters>({
    fetch: (query) => this.api.page(query),
    filters: { entity: '', action: '', from: '', to: '' },
    sort: { initial: { active: 'at', direction: 'desc' }, allowed: SORTABLE },
  });
  protected readonly rows: ListRows<AuditEntry> = {
    testid: 'audit-table',
    rowTestid: (entry) => `audit-row-${entry.id}`,
  };

  /** Text filters apply on change (Enter or leaving the field), not on every key. */
  protected setFilter(key: keyof AuditFilters, value: string): void {
    this.list.filters[key].set(value.trim());
  }

  /** The stored document, as readable JSON (already stripped of secrets by the API). */
  protected json(value: unknown): string {
    return JSON.stringify(value, null, 2);
  }
}
