import { recordRepositoryFor } from '../common/records/repository.js';
import { clientRecords } from './clients.records.js';

/** Every read and write of the client records (visibility, versions, audit): see common/records. */
export class ClientsRepository extends recordRepositoryFor(clientRecords) {}
