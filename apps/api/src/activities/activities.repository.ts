import { recordRepositoryFor } from '../common/records/repository.js';
import { activityRecords } from './activities.records.js';

/** Every read and write of the activity records (visibility, versions, audit): see common/records. */
export class ActivitiesRepository extends recordRepositoryFor(activityRecords) {}
