import { Component, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type AUDIT_SORT_FIELDS, type AuditEntry } from '@velosi/contracts';

import { LIST_PAGE } from '../../../shared/list/list-page';
import { SessionStore } from '../../../core/auth/session.store';
import { LanguageService } from '../../../core/i18n/language.service';
import { CsvExportButton } from '../../../shared/csv/csv-export-button';
import { DateField } from '../../../shared/fields/dates/date-field';
import { ListPageState } from '../../../shared/list/list-page-state';
import { AuditApi } from './audit-api';
import { entityName, entityRoute, isGeneratedId } from './audit-entity-name';
import { auditChanges } from './audit-changes';
import { auditLabel, changeSummary, systemActorLabel } from './audit-labels';
import { recordRows } from '../../../shared/list/table/record-rows';

const SORTABLE = [
  'at',
  'action',
  'entity',
  'actor',
] as const satisfies readonly (typeof AUDIT_SORT_FIELDS)[number][];

// A type, not an interface: only types fit ListFilters' index signature.
type AuditFilters = {
  entity: string;
  action: string;
  from: string;
  to: string;
};

const DATE_FILTERS = ['from', 'to'] as const;

/**
 * The audit log (ADMIN): who did what and when, sign-ins included. Objects are named by their
 * number or name (the API's `entityLabel`), their id kept for support. The search field takes a
 * username, a user id or a record id; filters narrow by object, action and period.
 */
@Component({
  selector: 'app-audit-page',
  imports: [LIST_PAGE, CsvExportButton, DateField, MatFormFieldModule, MatSelectModule, RouterLink],
  templateUrl: './audit-page.html',
  styleUrls: ['../../../shared/list/list-page.scss', './audit-page.scss'],
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  /** Every action the API writes (the contracts' list), so any entry of the log can be filtered. */
  protected readonly actions = AUDIT_ACTIONS;
  protected readonly label = auditLabel;
  protected readonly summary = changeSummary;
  protected readonly systemActor = systemActorLabel;
  protected readonly entityName = entityName;
  protected readonly isGeneratedId = isGeneratedId;
  protected readonly dateFilters = DATE_FILTERS;

  protected readonly list = new ListPageState<AuditEntry, AuditFilters>({
    fetch: (query) => this.api.page(query),
    filters: { entity: '', action: '', from: '', to: '' },
    sort: { initial: { active: 'at', direction: 'desc' }, allowed: SORTABLE },
  });
  protected readonly rows = recordRows<AuditEntry>('audit', 'audit', { route: null });

  /** The object's page when the admin may open it (a number or name links to its record). */
  protected entityRoute(entry: AuditEntry): string[] | null {
    return entityRoute(entry, (permission) => this.session.can(permission));
  }

  /**
   * The object filter's choices: every type the API writes (the contracts' list), named by the
   * words of the list's object column and sorted by them, so nobody has to guess an internal code.
   */
  protected entityOptions(translate: (path: string) => string): { code: string; label: string }[] {
    return AUDIT_ENTITIES.map((code) => ({ code, label: auditLabel(translate, 'entities', code) })).sort(
      (a, b) => a.label.localeCompare(b.label, this.lang()),
    );
  }

  private readonly names = rxResource({ stream: () => this.api.accountNames() });

  protected changes(translate: (path: string) => string, entry: AuditEntry) {
    const names = this.names.hasValue() ? this.names.value() : null;
    return auditChanges(translate, this.lang(), entry, (id) => names?.get(id) ?? null);
  }

  /** The stored document, as readable JSON (already stripped of secrets by the API). */
  protected json(value: unknown): string {
    return JSON.stringify(value, null, 2);
  }
}
