import { Inject, Injectable, type Type } from '@nestjs/common';
import { LIST_COUNT_CAP, type AuditAction, type AuditEntity } from '@velosi/contracts';
import { and, count, eq, sql, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { AuthUser } from '../../auth/auth-user.js';
import { AuditService } from '../../audit/audit.service.js';
import {
  DATABASE,
  type Database,
  type DatabaseHandle,
  type Transaction,
} from '../../database/database.types.js';
import type { AccessScope, Actor } from './actor.js';
import { archivedCondition, orderByFor, pageWindow, type ListQuery, type Page, type Sort } from './list.js';
import { exactMatchFirst, searchCondition } from '../search/search.js';
import { invalidState, recordNotFound, versionConflict } from './problems.js';
import type { AccessMode, Visibility } from './visibility.js';

/** A table built with `recordColumns()`. */
export type RecordTable = PgTable & {
  id: PgColumn;
  version: PgColumn;
  updatedAt: PgColumn;
  archivedAt: PgColumn;
};

/** A row of such a table, with the standard columns typed. */
export type RecordRow<T extends RecordTable> = InferSelectModel<T> & {
  id: string;
  version: number;
  archivedAt: Date | null;
};

/** The queries run either on the database or inside a caller's transaction. */
export type Executor = Database | Transaction;

/** Everything the generic code needs to know about one business object. */
export interface RecordDefinition<T extends RecordTable, Api, F extends string> {
  /** Audit `entity` and problem wording: `lead`, `client`, `quote`. */
  entity: AuditEntity;
  table: T;
  /** Row → the contract's read shape; also what the audit log stores as before/after. */
  toApi(row: RecordRow<T>): Api;
  visibility: Visibility;
  /** Contract sort field → column. */
  sortColumns: Readonly<Record<F, PgColumn | SQL>>;
  defaultSort: Sort<F>;
  /** What `q` searches: a `searchDocument(…)` of the record's text fields (common/search). */
  searchDocument: SQL;
  /** A code column whose exact match with `q` lists first (a port's `TUN` before "Futuna"). */
  exactCode?: PgColumn;
}

/** How a single row is looked up: the access mode, a row lock, and an extra scope condition. */
export interface FindOptions {
  mode?: AccessMode;
  /** `system`: no visibility filter (see AccessScope); `user` by default. */
  scope?: AccessScope | undefined;
  /** `SELECT … FOR UPDATE`: holds the row until the transaction ends. */
  lock?: boolean;
  /** Extra condition, e.g. the parent of a nested record (`contacts.client_id = :clientId`). */
  where?: SQL | undefined;
}

export interface UpdateOptions<T extends RecordTable> {
  /** Audit action; `update` by default. */
  action?: AuditAction;
  /** Extra scope of the row (see FindOptions.where). */
  where?: SQL | undefined;
  /** Business-rule check on the locked current row (throw `invalidState(…)` to refuse). */
  check?(before: RecordRow<T>): void;
  /** `system`: no visibility filter (see AccessScope); `user` by default. */
  scope?: AccessScope | undefined;
}

/** The row filter of `lockVersion`: extra scope condition and access scope. */
export type LockOptions = Pick<FindOptions, 'where' | 'scope'>;

/**
 * Generic reads and writes of one business object: visibility in every WHERE, paging, sort,
 * search, optimistic versioning and an audit entry per write in the write's transaction.
 */
export class RecordRepository<T extends RecordTable, Api, F extends string> {
  constructor(
    readonly definition: RecordDefinition<T, Api, F>,
    readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /** Rows `user` may see (`read`) or change (`write`); undefined = every row (and `system` scope). */
  visible(user: AuthUser, mode: AccessMode = 'read', scope: AccessScope = 'user'): SQL | undefined {
    return scope === 'system' ? undefined : this.definition.visibility(user, mode);
  }

  /** The row if it exists, is visible and in scope. */
  async find(
    executor: Executor,
    user: AuthUser,
    id: string,
    { mode = 'read', lock = false, where, scope }: FindOptions = {},
  ): Promise<RecordRow<T> | undefined> {
    const { table } = this.definition;
    const query = executor
      .select()
      .from(table as PgTable)
      .where(and(eq(table.id, id), this.visible(user, mode, scope), where));
    const rows = (await (lock ? query.for('update') : query)) as RecordRow<T>[];
    return rows[0];
  }

  /** Like `find`, but a missing or invisible row answers 404. */
  async require(
    executor: Executor,
    user: AuthUser,
    id: string,
    options: FindOptions = {},
  ): Promise<RecordRow<T>> {
    const row = await this.find(executor, user, id, options);
    if (!row) throw recordNotFound(this.definition.entity);
    return row;
  }

  async get(user: AuthUser, id: string): Promise<Api> {
    return this.definition.toApi(await this.require(this.db, user, id));
  }

  /** One page plus the total of the same WHERE (visibility + archived + q + `filters`). */
  async list(user: AuthUser, query: ListQuery<F>, filters: (SQL | undefined)[] = []): Promise<Page<Api>> {
    const { table, sortColumns, defaultSort, searchDocument, exactCode, toApi } = this.definition;
    const where = and(
      this.visible(user),
      archivedCondition(table.archivedAt, query.archived),
      searchCondition(query.q, searchDocument),
      ...filters,
    );
    const { limit, offset } = pageWindow(query);
    // The count stops at LIST_COUNT_CAP + 1 rows (a LIMIT inside it): an exact count would read
    // every matching row (100,000 quotes) on every page, and the paginator only needs "that many or more".
    const capped = this.db
      .select({ one: sql`1` })
      .from(table as PgTable)
      .where(where)
      .limit(LIST_COUNT_CAP + 1)
      .as('capped');
    const [rows, [counted]] = await Promise.all([
      this.db
        .select()
        .from(table as PgTable)
        .where(where)
        .orderBy(
          ...exactMatchFirst(exactCode, query.q),
          ...orderByFor(sortColumns, query.sort ?? defaultSort, table.id),
        )
        .limit(limit)
        .offset(offset),
      this.db.select({ total: count() }).from(capped),
    ]);
    const total = counted?.total ?? 0;
    return {
      items: (rows as RecordRow<T>[]).map((row) => toApi(row)),
      total: Math.min(total, LIST_COUNT_CAP),
      ...(total > LIST_COUNT_CAP ? { totalIsEstimate: true } : {}),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Inserts a row (version 1) and audits `create`; `values` must include `createdBy`. */
  async create(tx: Transaction, actor: Actor, values: PgInsertValue<T>): Promise<RecordRow<T>> {
    const [row] = (await tx.insert(this.definition.table).values(values).returning()) as RecordRow<T>[];
    if (!row) throw new Error(`insert into ${this.definition.entity} returned no row`);
    await this.recordAudit(tx, actor, 'create', row.id, undefined, this.definition.toApi(row));
    return row;
  }

  /** Inserts rows (version 1) in one statement and audits a `create` for each (CSV imports). */
  async createMany(tx: Transaction, actor: Actor, values: PgInsertValue<T>[]): Promise<RecordRow<T>[]> {
    if (values.length === 0) return [];
    const rows = (await tx.insert(this.definition.table).values(values).returning()) as RecordRow<T>[];
    const { entity, toApi } = this.definition;
    await this.audit.recordMany(
      tx,
      rows.map((row) => ({
        actor: actor.user.sub,
        action: 'create',
        entity,
        entityId: row.id,
        after: toApi(row),
        requestId: actor.requestId,
      })),
    );
    return rows;
  }

  /**
   * Versioned update: locks the visible row (404 otherwise), refuses a stale `version` with 409
   * carrying the current one, runs `check`, then `UPDATE … WHERE id AND version` bumping the
   * version, and audits before/after. The row lock makes concurrent writers queue, so the second
   * one sees the first one's version and gets its 409 instead of overwriting.
   */
  async update(
    tx: Transaction,
    actor: Actor,
    id: string,
    version: number,
    set: PgUpdateSetSource<T>,
    { action = 'update', where, check, scope }: UpdateOptions<T> = {},
  ): Promise<RecordRow<T>> {
    const before = await this.lockVersion(tx, actor.user, id, version, { where, scope });
    check?.(before);
    return this.updateLocked(tx, actor, before, set, action);
  }

  /**
   * The write half of `update`, on a row the caller already locked and checked in this transaction
   * (`lockVersion`, `require(…, { mode: 'write', lock: true })`): no second `SELECT … FOR UPDATE`.
   */
  async updateLocked(
    tx: Transaction,
    actor: Actor,
    before: RecordRow<T>,
    set: PgUpdateSetSource<T>,
    action: AuditAction = 'update',
  ): Promise<RecordRow<T>> {
    const { table, toApi } = this.definition;
    const values = { ...set, version: sql`${table.version} + 1`, updatedAt: sql`now()` };
    const [after] = (await tx
      .update(table)
      .set(values as PgUpdateSetSource<T>)
      .where(and(eq(table.id, before.id), eq(table.version, before.version)))
      .returning()) as RecordRow<T>[];
    if (!after) throw versionConflict(before.version);
    await this.recordAudit(tx, actor, action, before.id, toApi(before), toApi(after));
    return after;
  }

  /** `create` in a transaction of its own, answering the API shape (a plain POST). */
  async createOne(actor: Actor, values: PgInsertValue<T>): Promise<Api> {
    const row = await this.db.transaction((tx) => this.create(tx, actor, values));
    return this.definition.toApi(row);
  }

  /** `update` in a transaction of its own, answering the API shape (a plain PATCH or action). */
  async updateOne(
    actor: Actor,
    id: string,
    version: number,
    set: PgUpdateSetSource<T>,
    options: UpdateOptions<T> = {},
  ): Promise<Api> {
    const row = await this.db.transaction((tx) => this.update(tx, actor, id, version, set, options));
    return this.definition.toApi(row);
  }

  /** Deletes for real (records that are not archived, e.g. contacts): versioned and audited. */
  async delete(tx: Transaction, actor: Actor, id: string, version: number, where?: SQL): Promise<void> {
    const { table, toApi } = this.definition;
    const before = await this.lockVersion(tx, actor.user, id, version, { where });
    await tx.delete(table).where(eq(table.id, id));
    await this.recordAudit(tx, actor, 'delete', id, toApi(before), undefined);
  }

  /**
   * Locks the visible, writable row (404 otherwise) and checks the client's version (409): the
   * first step of a multi-write action (lead conversion) before its other inserts.
   */
  async lockVersion(
    tx: Transaction,
    user: AuthUser,
    id: string,
    version: number,
    { where, scope }: LockOptions = {},
  ): Promise<RecordRow<T>> {
    const row = await this.require(tx, user, id, { mode: 'write', lock: true, where, scope });
    if (row.version !== version) throw versionConflict(row.version);
    return row;
  }

  /** Archive (`archived_at = now()`) or restore (null): versioned, audited, 409 when already so. */
  setArchived(actor: Actor, id: string, version: number, archived: boolean): Promise<Api> {
    const { entity } = this.definition;
    const set = { archivedAt: archived ? sql`now()` : null } as PgUpdateSetSource<T>;
    return this.updateOne(actor, id, version, set, {
      action: archived ? 'archive' : 'restore',
      check: (before) => {
        if ((before.archivedAt !== null) === archived) {
          throw invalidState(`This ${entity} is ${archived ? 'already archived' : 'not archived'}.`);
        }
      },
    });
  }

  /** Audit entry for `id` in the caller's transaction (for actions beyond create/update). */
  recordAudit(
    tx: Transaction,
    actor: Actor,
    action: AuditAction,
    id: string,
    before: unknown,
    after: unknown,
  ): Promise<number> {
    return this.audit.record(tx, {
      actor: actor.user.sub,
      action,
      entity: this.definition.entity,
      entityId: id,
      before,
      after,
      requestId: actor.requestId,
    });
  }
}

/**
 * The injectable repository class of one business object, one provider per aggregate:
 * `export class LeadsRepository extends recordRepositoryFor(leadRecords) {}` in
 * `leads/leads.repository.ts`, listed in its module's providers (and exports, for other modules).
 */
export function recordRepositoryFor<T extends RecordTable, Api, F extends string>(
  definition: RecordDefinition<T, Api, F>,
): Type<RecordRepository<T, Api, F>> {
  @Injectable()
  class InjectableRecordRepository extends RecordRepository<T, Api, F> {
    constructor(@Inject(DATABASE) database: DatabaseHandle, @Inject(AuditService) audit: AuditService) {
      super(definition, database.db, audit);
    }
  }
  return InjectableRecordRepository;
}
