import { recordRepositoryFor } from '../common/records/repository.js';
import { opportunityRecords } from './opportunities.records.js';

/** Every read and write of the opportunity records (visibility, versions, audit): see common/records. */
export class OpportunitiesRepository extends recordRepositoryFor(opportunityRecords) {}
