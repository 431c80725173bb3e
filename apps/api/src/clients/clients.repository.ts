import type { Client } from '@velosi/contracts';
import type { Actor } from '../common/records/actor.js';
import { recordRepositoryFor } from '../common/records/repository.js';
import { withTaxIdConflict } from './client-duplicates.js';
import { clientRecords } from './clients.records.js';

/** Every read and write of the client records (visibility, versions, audit): see common/records. */
export class ClientsRepository extends recordRepositoryFor(clientRecords) {
  /** Restoring an archived client whose tax id a live client took since answers 409, not 500. */
  override setArchived(actor: Actor, id: string, version: number, archived: boolean): Promise<Client> {
    return withTaxIdConflict(this.db, { id }, () => super.setArchived(actor, id, version, archived));
  }
}
