import { Injectable } from '@nestjs/common';
import type {
  Client,
  ClientCreate,
  ClientDuplicates,
  ClientDuplicatesQuery,
  ClientListQuery,
  ClientPage,
  ClientUpdate,
  ContactCreate,
  VatSuspensionExpiringList,
  VatSuspensionExpiringQuery,
} from '@velosi/contracts';
import { arrayContains, eq } from 'drizzle-orm';
import type { AuthUser } from '../auth/auth-user.js';
import { ownedBy, type Actor } from '../common/records/actor.js';
import { Assignments } from '../staff/assignment.js';
import { presentOnly } from '../common/records/fields.js';
import type { Transaction } from '../database/database.types.js';
import { clients, type ClientRow, type ContactRow } from './clients.table.js';
import { ContactsService } from './contacts/contacts.service.js';
import { ClientsRepository } from './clients.repository.js';
import { assertTaxIdFree, findDuplicates, withTaxIdConflict } from './client-duplicates.js';
import { assertAdminOnlyFields, checkMergedFiscal, expiringSuspensions } from './client-fiscal.js';

@Injectable()
export class ClientsService {
  constructor(
    readonly records: ClientsRepository,
    private readonly contacts: ContactsService,
    private readonly assignments: Assignments,
  ) {}

  list(user: AuthUser, query: ClientListQuery): Promise<ClientPage> {
    return this.records.list(user, query, [
      query.country ? eq(clients.country, query.country) : undefined,
      query.currency ? eq(clients.currency, query.currency) : undefined,
      query.assignedTo ? arrayContains(clients.assignedTo, [query.assignedTo]) : undefined,
    ]);
  }

  async create(actor: Actor, body: ClientCreate): Promise<Client> {
    assertAdminOnlyFields(actor.user, body);
    await this.assignments.assertNew(actor.user, body.assignedTo);
    await assertTaxIdFree(this.records.db, body.fiscalId);
    return withTaxIdConflict(this.records.db, body, () =>
      this.records.createOne(actor, this.values(actor, body)),
    );
  }

  /**
   * Inserts a client in the caller's transaction; unassigned clients go to their creator. A tax id
   * another live client has answers 409 before anything is written (lead conversion, acceptance).
   */
  async insert(tx: Transaction, actor: Actor, body: ClientCreate): Promise<ClientRow> {
    await assertTaxIdFree(tx, body.fiscalId);
    return this.records.create(tx, actor, this.values(actor, body));
  }

  duplicates(user: AuthUser, query: ClientDuplicatesQuery): Promise<ClientDuplicates> {
    return findDuplicates(this.records.db, user, query).then((items) => ({ items }));
  }

  /** VAT-suspension authorisations to renew (FINANCE and ADMIN). */
  async expiringSuspensions({ days }: VatSuspensionExpiringQuery): Promise<VatSuspensionExpiringList> {
    return { items: await expiringSuspensions(this.records.db, days) };
  }

  private values(actor: Actor, body: ClientCreate) {
    return { ...body, ...ownedBy(actor, body.assignedTo) };
  }

  /**
   * A client and its primary contact in the caller's transaction: the lead conversion and a
   * lead-only quote's acceptance both create a customer this way.
   */
  async insertWithPrimaryContact(
    tx: Transaction,
    actor: Actor,
    client: ClientCreate,
    contact: Omit<ContactCreate, 'isPrimary'>,
  ): Promise<{ client: ClientRow; contact: ContactRow }> {
    const clientRow = await this.insert(tx, actor, client);
    const contactRow = await this.contacts.insert(tx, actor, clientRow.id, { ...contact, isPrimary: true });
    return { client: clientRow, contact: contactRow };
  }

  async update(actor: Actor, id: string, { version, ...changes }: ClientUpdate): Promise<Client> {
    assertAdminOnlyFields(actor.user, changes);
    const assignment = await this.assignments.prepare(actor.user, changes.assignedTo);
    await assertTaxIdFree(this.records.db, changes.fiscalId, id);
    return withTaxIdConflict(this.records.db, { fiscalId: changes.fiscalId, id }, () =>
      this.records.updateOne(actor, id, version, presentOnly(changes), {
        check: (before) => {
          assignment(before.assignedTo);
          checkMergedFiscal(before, changes);
        },
      }),
    );
  }
}
