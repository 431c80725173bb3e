import { Injectable } from '@nestjs/common';
import type { Contact, ContactCreate, ContactListQuery, ContactPage, ContactUpdate } from '@velosi/contracts';
import { and, eq, ne } from 'drizzle-orm';
import type { AuthUser } from '../../auth/auth-user.js';
import type { Actor } from '../../common/records/actor.js';
import { presentOnly } from '../../common/records/fields.js';
import {
  concurrentChange,
  invalidState,
  isForeignKeyViolation,
  isUniqueViolation,
} from '../../common/records/problems.js';

import { type Transaction } from '../../database/database.types.js';
import { toContact } from '../clients.records.js';
import { contacts, type ContactRow } from '../clients.table.js';
import { ClientsRepository } from '../clients.repository.js';
import { ContactsRepository } from './contacts.repository.js';

const ONE_PRIMARY_INDEX = 'contacts_one_primary_per_client';

/** `/api/clients/:clientId/contacts`: every query is scoped to a client the caller can see. */
@Injectable()
export class ContactsService {
  constructor(
    readonly records: ContactsRepository,
    private readonly clients: ClientsRepository,
  ) {}

  async list(user: AuthUser, clientId: string, query: ContactListQuery): Promise<ContactPage> {
    await this.clients.require(this.records.db, user, clientId);
    return this.records.list(user, query, [
      eq(contacts.clientId, clientId),
      query.isPrimary === undefined ? undefined : eq(contacts.isPrimary, query.isPrimary),
    ]);
  }

  async get(user: AuthUser, clientId: string, contactId: string): Promise<Contact> {
    return toContact(
      await this.records.require(this.records.db, user, contactId, {
        where: eq(contacts.clientId, clientId),
      }),
    );
  }

  async create(actor: Actor, clientId: string, body: ContactCreate): Promise<Contact> {
    const row = await this.writing(() =>
      this.records.db.transaction(async (tx) => {
        await this.clients.require(tx, actor.user, clientId, { mode: 'write' });
        return this.insert(tx, actor, clientId, body);
      }),
    );
    return toContact(row);
  }

  /** Inserts in the caller's transaction (the client is known writable); a new primary demotes the old. */
  async insert(tx: Transaction, actor: Actor, clientId: string, body: ContactCreate): Promise<ContactRow> {
    if (body.isPrimary) await this.demotePrimary(tx, actor, clientId);
    return this.records.create(tx, actor, { ...body, clientId, createdBy: actor.user.sub });
  }

  async update(
    actor: Actor,
    clientId: string,
    contactId: string,
    { version, ...changes }: ContactUpdate,
  ): Promise<Contact> {
    const row = await this.writing(() =>
      this.records.db.transaction(async (tx) => {
        if (changes.isPrimary) await this.demotePrimary(tx, actor, clientId, contactId);
        return this.records.update(tx, actor, contactId, version, presentOnly(changes), {
          where: eq(contacts.clientId, clientId),
        });
      }),
    );
    return toContact(row);
  }

  async delete(actor: Actor, clientId: string, contactId: string, version: number): Promise<void> {
    await this.writing(() =>
      this.records.db.transaction((tx) =>
        this.records.delete(tx, actor, contactId, version, eq(contacts.clientId, clientId)),
      ),
    );
  }

  /** Clears the primary flag of the client's other contacts (versioned and audited like any edit). */
  private async demotePrimary(
    tx: Transaction,
    actor: Actor,
    clientId: string,
    keepId?: string,
  ): Promise<void> {
    const primaries = await tx
      .select({ id: contacts.id, version: contacts.version })
      .from(contacts)
      .where(
        and(
          eq(contacts.clientId, clientId),
          eq(contacts.isPrimary, true),
          keepId ? ne(contacts.id, keepId) : undefined,
        ),
      )
      .for('update');
    for (const { id, version } of primaries) {
      await this.records.update(tx, actor, id, version, { isPrimary: false });
    }
  }

  /**
   * Database refusals a client can act on: two requests making different contacts primary at the
   * same moment (the partial unique index lets one commit; the other reloads), and deleting a
   * contact a quote still names.
   */
  private async writing<R>(work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error, ONE_PRIMARY_INDEX)) {
        throw concurrentChange('Another contact of this client was made primary at the same time.');
      }
      if (isForeignKeyViolation(error)) throw invalidState('This contact is used by other records.');
      throw error;
    }
  }
}
