import { httpResource } from '@angular/common/http';
import { Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { TranslocoDirective, provideTranslocoScope } from '@jsverse/transloco';
import { RouterLink } from '@angular/router';
import type { JobTimelineItem, TimelineAuditItem, TimelineItem } from '@velosi/contracts';

import { SessionStore } from '../../../core/auth/session.store';
import { loadErrorStatus } from '../../../core/http/problem';
import { LanguageService } from '../../../core/i18n/language.service';
import { Page, TimelineRecordType, parsePage } from '../../sales/record-api';
import { ACTIVITY_TYPE_ICONS, isOverdue } from '../../sales/sales-options';
import { LocalDatePipe } from '../local-date.pipe';
import { registerSalesIcons } from '../sales-icons';
import {
  HistoryContext,
  HistoryEntry,
  HistoryLine,
  Translate,
  actorName,
  describeAudit,
} from './history-words';

const PAGE_SIZE = 20;

/** What a timeline shows: activities and audit entries, and on a job its milestones. */
type Item = TimelineItem | JobTimelineItem;

/**
 * The history of a record: its activities and audit entries merged by the API, newest first
 * (`GET /api/<type>/:id/timeline`). Reusable by every detail page (leads, opportunities, clients,
 * quotes): `<app-timeline type="quotes" [recordId]="id" [refresh]="n" />`; bump `refresh` after a
 * change so the new entry shows.
 */
@Component({
  selector: 'app-timeline',
  imports: [
    LocalDatePipe,
    MatButtonModule,
    MatIconModule,
    MatProgressSpinnerModule,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [provideTranslocoScope('sales')],
  templateUrl: './timeline.html',
  styleUrl: './timeline.scss',
})
export class Timeline {
  readonly type = input.required<TimelineRecordType>();
  readonly recordId = input.required<string>();
  /** Any change of this value reloads the timeline (e.g. a counter bumped after a save). */
  readonly refresh = input<unknown>(0);

  private readonly session = inject(SessionStore);
  protected readonly lang = inject(LanguageService).active;
  protected readonly icons = ACTIVITY_TYPE_ICONS;
  protected readonly pageSize = signal(PAGE_SIZE);

  protected readonly timeline = httpResource(
    () => ({
      url: `/api/${this.type()}/${encodeURIComponent(this.recordId())}/timeline`,
      params: { page: 1, pageSize: this.pageSize() },
    }),
    { parse: (raw) => parsePage<Item>(raw) },
  );
  protected readonly page = computed<Page<Item> | undefined>(() =>
    this.timeline.hasValue() ? this.timeline.value() : undefined,
  );
  protected readonly errorStatus = computed(() => loadErrorStatus(this.timeline.error()));

  constructor() {
    registerSalesIcons();
    let first = true;
    effect(() => {
      this.refresh();
      if (first) {
        first = false;
        return;
      }
      this.timeline.reload();
    });
  }

  protected more(): void {
    this.pageSize.update((size) => Math.min(size + PAGE_SIZE, 100));
  }

  /** Who recorded a milestone, in the words of the audit entries around it ("système", "Vous"). */
  protected actor(recordedBy: string, names: Record<string, string> | undefined, t: Translate): string {
    return actorName({ actor: recordedBy, names }, this.context(t));
  }

  protected trackItem(item: Item): string {
    if (item.kind === 'audit') return `a${item.id}`;
    return item.kind === 'activity' ? `v${item.activity.id}` : `m${item.milestone.id}`;
  }

  protected overdue(item: Item): boolean {
    return item.kind === 'activity' && isOverdue(item.activity);
  }

  /** An audit entry in words, in the reader's language (see history-words.ts). */
  protected describe(item: TimelineAuditItem, t: Translate): HistoryEntry {
    return describeAudit(item, this.context(t));
  }

  private context(t: Translate): HistoryContext {
    return { type: this.type(), t, lang: this.lang(), me: this.session.me()?.sub ?? null };
  }

  protected trackLine(line: HistoryLine): string {
    return line.field;
  }
}
