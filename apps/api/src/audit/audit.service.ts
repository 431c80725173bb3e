import { Injectable, Optional } from '@nestjs/common';
import type { AuditAction, AuditEntity } from '@velosi/contracts';
import { AppMetrics } from '../metrics/app-metrics.js';
import type { Database, Transaction } from '../database/database.types.js';
import { auditLog } from './audit-log.table.js';

export interface AuditEntry {
  /** Token `sub` of the user, or 'system'. */
  actor: string;
  /** What happened, e.g. `create`, `update`, `delete`, `status_change`. */
  action: AuditAction;
  /** Business object name, e.g. `quote`. */
  entity: AuditEntity;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

/** The audit_log row of an entry: the id as text, absent parts as NULL. */
const auditRow = (entry: AuditEntry) => ({
  actor: entry.actor,
  action: entry.action,
  entity: entry.entity,
  entityId: String(entry.entityId),
  before: entry.before ?? null,
  after: entry.after ?? null,
  requestId: entry.requestId ?? null,
});

@Injectable()
export class AuditService {
  constructor(@Optional() private readonly metrics?: AppMetrics) {}

  /**
   * Records an entry with the caller's transaction, so the audit row commits or rolls back together
   * with the write it describes.
   */
  async record(tx: Transaction | Database, entry: AuditEntry): Promise<number> {
    const [row] = await tx.insert(auditLog).values(auditRow(entry)).returning({ id: auditLog.id });
    if (!row) throw new Error('audit insert returned no row');
    // Business counters (quotes created/sent/accepted, …) follow the audit trail: one place that
    // sees every write. A transaction rolled back after this point still counted (rare: conflicts).
    this.metrics?.countBusinessEvent(entry.entity, entry.action);
    return row.id;
  }

  /**
   * Records an entry unless a unique index of audit_log already holds its twin (one `login` row per
   * IdP session: audit_log_login_session_idx); true when it was recorded.
   */
  async recordFirst(tx: Transaction | Database, entry: AuditEntry): Promise<boolean> {
    const rows = await tx
      .insert(auditLog)
      .values(auditRow(entry))
      .onConflictDoNothing()
      .returning({ id: auditLog.id });
    if (rows.length === 0) return false;
    this.metrics?.countBusinessEvent(entry.entity, entry.action);
    return true;
  }

  /** Several entries in one statement (a CSV import's batch), in the caller's transaction. */
  async recordMany(tx: Transaction, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await tx.insert(auditLog).values(entries.map(auditRow));
    for (const entry of entries) this.metrics?.countBusinessEvent(entry.entity, entry.action);
  }
}
