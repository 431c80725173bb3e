import { Injectable } from '@nestjs/common';
import type {
  SalesPeriodQuery,
  SalesReport,
  SalesReportRow,
  SalesTarget,
  StaffMember,
} from '@velosi/contracts';
import { isAdmin, type AuthUser } from '../auth/auth-user.js';
import { resolveCommercial, resolvePeriod } from '../dashboard/sales-period.js';
import { NO_MEASURES, SalesMeasures } from '../sales-targets/sales-measures.js';
import { SalesTargetsService } from '../sales-targets/sales-targets.service.js';
import { StaffDirectory } from '../staff/staff-directory.js';

/** A month's goal is the closest to the meeting's week: preferred over a quarter's, then a year's. */
const PERIOD_ORDER = { month: 0, quarter: 1, year: 2 } as const;

const displayName = (member: StaffMember | undefined, id: string) =>
  member ? [member.firstName, member.lastName].filter(Boolean).join(' ') || member.username : id;

/**
 * The sales report for the Monday meeting: one row per commercial, from the shared SQL measures
 * with the caller's visibility (a commercial gets their own row only; ADMIN everyone or one).
 */
@Injectable()
export class SalesReportService {
  constructor(
    private readonly measures: SalesMeasures,
    private readonly targets: SalesTargetsService,
    private readonly directory: StaffDirectory,
  ) {}

  async build(user: AuthUser, query: SalesPeriodQuery): Promise<SalesReport> {
    const period = resolvePeriod(query);
    const commercialId = resolveCommercial(user, query.commercialId);
    const only = commercialId === null ? (isAdmin(user) ? undefined : []) : [commercialId];
    const scope = { user, commercialIds: only };
    const [figures, reasons, targets, staff] = await Promise.all([
      this.measures.measure(scope, period),
      this.measures.lostReasons(scope, period),
      this.targets.activeOn(user, period.to, only),
      this.directory.list(),
    ]);
    const members = new Map(staff.map((member) => [member.id, member]));
    const ids = only ?? [
      ...new Set([
        ...staff.filter((m) => m.roles.includes('COMMERCIAL')).map((m) => m.id),
        ...figures.keys(),
        ...targets.map((t) => t.commercialId),
      ]),
    ];
    const rows = ids.map((id): SalesReportRow => {
      const m = figures.get(id) ?? NO_MEASURES;
      return {
        commercialId: id,
        name: displayName(members.get(id), id),
        activitiesDone: m.activitiesDone,
        leadsCreated: m.leadsCreated,
        leadsConverted: m.leadsConverted,
        quotesSent: m.quotesSent,
        quotesAccepted: m.quotesAccepted,
        quotesLost: m.quotesLost,
        lostReasons: reasons.get(id) ?? [],
        revenueTnd: m.revenueTnd,
        marginTnd: m.marginTnd,
        target: targetOf(targets, id),
      };
    });
    rows.sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.commercialId.localeCompare(b.commercialId));
    return { period, rows };
  }
}

function targetOf(targets: SalesTarget[], commercialId: string): SalesReportRow['target'] {
  const [target] = targets
    .filter((t) => t.commercialId === commercialId)
    .sort((a, b) => PERIOD_ORDER[a.period] - PERIOD_ORDER[b.period]);
  if (!target) return null;
  const { period, periodStart, revenueTnd, marginTnd, newClients, quotesSent, progress } = target;
  return { period, periodStart, revenueTnd, marginTnd, newClients, quotesSent, progress };
}
