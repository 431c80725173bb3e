import type { SQL } from 'drizzle-orm';
import type { PgInsertValue, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../common/records/actor.js';
import { presentOnly } from '../../common/records/fields.js';
import type { ListQuery, Page } from '../../common/records/list.js';
import { RecordRepository, type RecordTable } from '../../common/records/repository.js';
import type { AuthUser } from '../../auth/auth-user.js';
import type { Database, Transaction } from '../../database/database.types.js';
import { nextReadableCode } from './readable-codes.js';
import type { ReferenceObject } from './reference-object.js';
import { withUniqueFields } from './unique-violation.js';

type Body = Record<string, unknown>;

/** The use cases of one reference object, built from its declaration. */
export class ReferenceService<T extends RecordTable, Api, F extends string> {
  readonly records: RecordRepository<T, Api, F>;

  constructor(
    readonly object: ReferenceObject<T, Api, F>,
    db: Database,
    audit: AuditService,
  ) {
    this.records = new RecordRepository(object.definition, db, audit);
  }

  /** The list's WHERE beyond visibility/archived/q: the object's own filters. */
  filtersOf(query: ListQuery<F> & Body): (SQL | undefined)[] {
    return this.object.filters?.(query) ?? [];
  }

  list(user: AuthUser, query: ListQuery<F> & Body): Promise<Page<Api>> {
    return this.records.list(user, query, this.filtersOf(query));
  }

  private columns(body: Body): Body {
    return this.object.toColumns ? { ...body, ...this.object.toColumns(body) } : body;
  }

  /** Inserts in the caller's transaction (imports batch rows through it), assigning the code. */
  async insert(tx: Transaction, actor: Actor, body: Body): Promise<Api> {
    const code = this.object.codePrefix ? { code: await nextReadableCode(tx, this.object.codePrefix) } : {};
    const values = {
      ...this.columns(body),
      ...code,
      createdBy: actor.user.sub,
    } as unknown as PgInsertValue<T>;
    return this.object.definition.toApi(await this.records.create(tx, actor, values));
  }

  create(actor: Actor, body: Body): Promise<Api> {
    return withUniqueFields(this.object.uniqueFields ?? {}, () =>
      this.records.db.transaction((tx) => this.insert(tx, actor, body)),
    );
  }

  update(actor: Actor, id: string, { version, ...changes }: Body & { version: number }): Promise<Api> {
    const set = this.columns(presentOnly(changes)) as PgUpdateSetSource<T>;
    return withUniqueFields(this.object.uniqueFields ?? {}, () =>
      this.records.updateOne(actor, id, version, set),
    );
  }
}
