import { recordRepositoryFor } from '../common/records/repository.js';
import { leadRecords } from './leads.records.js';

/** Every read and write of the lead records (visibility, versions, audit): see common/records. */
export class LeadsRepository extends recordRepositoryFor(leadRecords) {}
