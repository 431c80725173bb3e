import { Injectable } from '@nestjs/common';
import { subtractAmounts, type JobProfitBreakdown, type JobProfitColumn } from '@velosi/contracts';
import type { AuthUser } from '../../auth/auth-user.js';
import { recordNotFound } from '../../common/records/problems.js';
import { JobsRepository } from '../../jobs/persistence/jobs.repository.js';
import { JobProfitRepository } from '../persistence/job-profit.repository.js';

/** 3 decimals whatever PostgreSQL printed (`0` for an empty sum). */
const amount = (value: string) => subtractAmounts(value, '0');

function column(revenue: string, cost: string): JobProfitColumn {
  return { revenueTnd: amount(revenue), costTnd: amount(cost), marginTnd: subtractAmounts(revenue, cost) };
}

/** A job's profit table: planned vs actual vs invoiced, for the job's readers holding `jobs:costs`. */
@Injectable()
export class JobProfitService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly sums: JobProfitRepository,
  ) {}

  async of(user: AuthUser, jobId: string): Promise<JobProfitBreakdown> {
    if (!(await this.jobs.find(this.jobs.db, user, jobId))) throw recordNotFound('job');
    const s = await this.sums.sums(jobId);
    return {
      jobId,
      planned: column(s.plannedRevenue, s.plannedCost),
      actual: column(s.actualRevenue, s.actualCost),
      invoiced: column(s.invoicedRevenue, s.invoicedCost),
      revenueLinesUninvoiced: s.revenueLinesUninvoiced,
      costLinesUninvoiced: s.costLinesUninvoiced,
    };
  }
}
