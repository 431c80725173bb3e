import { recordRepositoryFor } from '../../common/records/repository.js';
import { contactRecords } from '../clients.records.js';

/** Every read and write of the contact records (visibility, versions, audit): see common/records. */
export class ContactsRepository extends recordRepositoryFor(contactRecords) {}
