import { Injectable } from '@nestjs/common';
import {
  FINISHED_JOB_STATUSES,
  JOB_STATUSES,
  OPEN_STAGES,
  QUOTE_STATUSES,
  type Dashboard,
  type OperationsDashboard,
  type SalesDashboard,
  type SalesPeriod,
  type SalesPeriodQuery,
} from '@velosi/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { businessToday } from '../common/business-day.js';
import { ReceivablesService } from '../receivables/receivables.service.js';
import { SalesTargetsService } from '../sales-targets/sales-targets.service.js';
import { DashboardCache } from './dashboard-cache.js';
import { DashboardRepository, type DashboardScope } from './dashboard.repository.js';
import { resolveCommercial, resolvePeriod, twelveMonthsTo } from './sales-period.js';
import { mayReadMargins } from './margins.js';

/**
 * The widgets of the caller's roles: the sales cockpit for whoever reads opportunities and quotes
 * (ADMIN, COMMERCIAL), open jobs for whoever costs jobs (ADMIN, OPERATIONS, FINANCE), what
 * clients owe for whoever chases it (`receivables:remind`: ADMIN, FINANCE; a COMMERCIAL reads their
 * own clients' balances on the receivables page, not as a company figure).
 */
@Injectable()
export class DashboardService {
  private readonly cache = new DashboardCache();

  constructor(
    private readonly repository: DashboardRepository,
    private readonly targets: SalesTargetsService,
    private readonly receivables: ReceivablesService,
  ) {}

  async dashboard(user: AuthUser, query: SalesPeriodQuery): Promise<Dashboard> {
    const today = businessToday();
    const period = resolvePeriod(query, today);
    const commercialId = resolveCommercial(user, query.commercialId);
    const scope = { user, commercialId };
    const wantsSales =
      user.permissions.includes('opportunities:read') && user.permissions.includes('quotes:read');
    const wantsOperations = user.permissions.includes('jobs:costs');
    const wantsReceivables = user.permissions.includes('receivables:remind');
    const [sales, operations, receivables] = await Promise.all([
      wantsSales
        ? this.cache.get(user, { period, today, commercialId }, () => this.sales(scope, period, today))
        : null,
      wantsOperations ? this.operations(user) : null,
      wantsReceivables ? this.receivables.summary(user, today) : null,
    ]);
    return { period, today, commercialId, sales, operations, receivables };
  }

  private async sales(scope: DashboardScope, period: SalesPeriod, today: string): Promise<SalesDashboard> {
    const months = twelveMonthsTo(period.to);
    const yearPeriod = { from: `${months[0]}-01`, to: period.to };
    const margins = mayReadMargins(scope.user);
    const [pipeline, byStatus, decisions, monthly, modes, topClients, activities, expiringQuotes, targets] =
      await Promise.all([
        this.repository.pipeline(scope, period.to),
        this.repository.quotesByStatus(scope, period, today),
        this.repository.decisions(scope, period),
        this.repository.monthly(scope, yearPeriod),
        this.repository.modes(scope, period),
        this.repository.topClients(scope, period),
        this.repository.activities(scope, today),
        this.repository.expiringQuotes(scope, today),
        this.targets.activeOn(scope.user, period.to, scope.commercialId ? [scope.commercialId] : undefined),
      ]);
    const stages = new Map(pipeline.map((row) => [row.stage, row]));
    const statuses = new Map(byStatus.map((row) => [row.status, row.count]));
    const byMonth = new Map(monthly.map((row) => [row.month, row]));
    const decided = decisions.accepted + decisions.rejected;
    return {
      pipeline: OPEN_STAGES.map((stage) => {
        const row = stages.get(stage);
        return {
          stage,
          count: row?.count ?? 0,
          valueTnd: row?.valueTnd ?? '0.000',
          weightedTnd: row?.weightedTnd ?? '0.000',
        };
      }),
      unconvertedCurrencies: [...new Set(pipeline.flatMap((row) => row.unconverted))].sort(),
      quotesByStatus: QUOTE_STATUSES.map((status) => ({ status, count: statuses.get(status) ?? 0 })),
      winRate: decided === 0 ? null : decisions.accepted / decided,
      acceptedRevenueTnd: decisions.revenueTnd,
      acceptedMarginTnd: margins ? decisions.marginTnd : null,
      monthly: months.map((month) => {
        const row = byMonth.get(month);
        return {
          month,
          accepted: row?.accepted ?? 0,
          revenueTnd: row?.revenueTnd ?? '0.000',
          marginTnd: margins ? (row?.marginTnd ?? '0.000') : null,
        };
      }),
      modes,
      topClients,
      activities,
      expiringQuotes,
      targets,
    };
  }

  private async operations(user: AuthUser): Promise<OperationsDashboard> {
    const rows = await this.repository.openJobs(user);
    const found = new Map(rows.map((row) => [row.status, row.count]));
    const open = JOB_STATUSES.filter(
      (status) => !(FINISHED_JOB_STATUSES as readonly string[]).includes(status),
    );
    return { openJobs: open.map((status) => ({ status, count: found.get(status) ?? 0 })) };
  }
}
