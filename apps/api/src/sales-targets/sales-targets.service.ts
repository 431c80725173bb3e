import { Injectable } from '@nestjs/common';
import type {
  SalesTarget,
  SalesTargetCreate,
  SalesTargetListQuery,
  SalesTargetPage,
  SalesTargetUpdate,
} from '@velosi/contracts';
import { and, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { AuthUser } from '../auth/auth-user.js';
import type { Actor } from '../common/records/actor.js';
import { presentOnly } from '../common/records/fields.js';
import { ValidationProblem } from '../common/validation.js';
import { StaffDirectory } from '../staff/staff-directory.js';
import { type SalesTargetHeader } from './sales-targets.records.js';
import { SalesTargetsRepository, oneLivePerPeriod } from './sales-targets.repository.js';
import { periodEndExclusive, salesTargets } from './sales-targets.table.js';
import { NO_MEASURES, SalesMeasures, inList } from './sales-measures.js';

/** Sales targets: ADMIN writes (versioned, audited); reads add the progress computed from the data. */
@Injectable()
export class SalesTargetsService {
  constructor(
    readonly records: SalesTargetsRepository,
    private readonly measures: SalesMeasures,
    private readonly directory: StaffDirectory,
  ) {}

  async list(user: AuthUser, query: SalesTargetListQuery): Promise<SalesTargetPage> {
    const page = await this.records.list(user, query, [
      query.commercialId ? eq(salesTargets.commercialId, query.commercialId) : undefined,
      query.period ? eq(salesTargets.period, query.period) : undefined,
      query.activeOn
        ? and(
            lte(salesTargets.periodStart, query.activeOn),
            gt(periodEndExclusive, sql`${query.activeOn}::date`),
          )
        : undefined,
    ]);
    return { ...page, items: await this.withProgress(page.items) };
  }

  /** Live targets of `commercialIds` (undefined = all visible) whose period contains `day`. */
  async activeOn(user: AuthUser, day: string, commercialIds?: readonly string[]): Promise<SalesTarget[]> {
    const rows = await this.records.db
      .select()
      .from(salesTargets)
      .where(
        and(
          this.records.visible(user),
          isNull(salesTargets.archivedAt),
          commercialIds ? inList(sql`${salesTargets.commercialId}`, commercialIds) : undefined,
          lte(salesTargets.periodStart, day),
          gt(periodEndExclusive, sql`${day}::date`),
        ),
      )
      .orderBy(salesTargets.commercialId, salesTargets.periodStart);
    return this.withProgress(rows.map((row) => this.records.definition.toApi(row)));
  }

  async get(user: AuthUser, id: string): Promise<SalesTarget> {
    const [target] = await this.withProgress([await this.records.get(user, id)]);
    if (!target) throw new Error('unreachable: one target in, one out');
    return target;
  }

  async create(actor: Actor, body: SalesTargetCreate): Promise<SalesTarget> {
    const unknown = await this.directory.unknownIds([body.commercialId]);
    if (unknown.length > 0) {
      throw new ValidationProblem([{ field: 'commercialId', message: 'unknown or unassignable user' }]);
    }
    const created = await oneLivePerPeriod(() =>
      this.records.createOne(actor, { ...body, createdBy: actor.user.sub }),
    );
    return this.get(actor.user, created.id);
  }

  async update(actor: Actor, id: string, { version, ...goals }: SalesTargetUpdate): Promise<SalesTarget> {
    await this.records.updateOne(actor, id, version, presentOnly(goals));
    return this.get(actor.user, id);
  }

  /** Progress of each target: one aggregation per distinct period, for its commercials only. */
  async withProgress(targets: SalesTargetHeader[]): Promise<SalesTarget[]> {
    const byPeriod = new Map<string, SalesTargetHeader[]>();
    for (const target of targets) {
      const key = `${target.periodStart}/${target.periodEnd}`;
      byPeriod.set(key, [...(byPeriod.get(key) ?? []), target]);
    }
    const progress = new Map<string, SalesTarget['progress']>();
    for (const group of byPeriod.values()) {
      const first = group[0];
      if (!first) continue;
      const figures = await this.measures.measure(
        { user: null, commercialIds: group.map((t) => t.commercialId) },
        { from: first.periodStart, to: first.periodEnd },
      );
      for (const target of group) {
        const m = figures.get(target.commercialId) ?? NO_MEASURES;
        progress.set(target.id, {
          revenueTnd: m.revenueTnd,
          marginTnd: m.marginTnd,
          newClients: m.newClients,
          quotesSent: m.quotesSent,
        });
      }
    }
    return targets.map((target) => ({
      ...target,
      progress: progress.get(target.id) ?? {
        revenueTnd: NO_MEASURES.revenueTnd,
        marginTnd: NO_MEASURES.marginTnd,
        newClients: 0,
        quotesSent: 0,
      },
    }));
  }
}
