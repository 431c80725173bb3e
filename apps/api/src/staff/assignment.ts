import { Injectable } from '@nestjs/common';
import type { FieldError } from '@velosi/contracts';
import { isAdmin, type AuthUser } from '../auth/auth-user.js';
import { StaffDirectory } from './staff-directory.js';
import { StaffProfileRepository } from '../users/staff-profile.repository.js';
import { ValidationProblem } from '../common/validation.js';

/**
 * Checks a body's `assignedTo` against the assignees the record has now (`[]` for a new record);
 * throws a 400 on the `assignedTo` field.
 */
export type AssignmentCheck = (current?: readonly string[]) => void;

const NOTHING_TO_CHECK: AssignmentCheck = () => undefined;

/**
 * Who may assign whom, for every assignable record (leads, opportunities, clients, activities,
 * quotes) on create and update:
 * - every id must name an assignable user of the staff directory — ids the record already carries
 *   are let through, so a colleague who has left does not block an unrelated edit;
 * - ADMIN assigns anyone; anyone else must stay among the assignees (visibility follows
 *   assignment, so they would lose the record: docs/rules.md), unless their staff profile marks them
 *   as a supervisor, who may hand records over.
 * The lookups may call Keycloak, so they run before the write's transaction (`prepare`) and the
 * returned check runs on the locked row (`check` of `RecordRepository.update`).
 */
@Injectable()
export class Assignments {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly profiles: StaffProfileRepository,
  ) {}

  /** For an update: `assignedTo` undefined (left as is) checks nothing. */
  async prepare(
    user: AuthUser,
    assignedTo: readonly string[] | undefined,
    field = 'assignedTo',
  ): Promise<AssignmentCheck> {
    if (assignedTo === undefined) return NOTHING_TO_CHECK;
    const leavesThemselves = !isAdmin(user) && !assignedTo.includes(user.sub);
    const [unknown, supervisor] = await Promise.all([
      this.directory.unknownIds(assignedTo),
      leavesThemselves ? this.profiles.find(user.sub).then((p) => p.isSupervisor) : false,
    ]);
    return (current = []) => {
      const errors: FieldError[] = [];
      const stranger = unknown.filter((id) => !current.includes(id));
      if (stranger.length > 0) {
        errors.push({ field, message: `unknown or unassignable user: ${stranger.join(', ')}` });
      }
      if (leavesThemselves && !supervisor) {
        errors.push({
          field,
          message: 'you must stay among the assignees: you would no longer see this record',
        });
      }
      if (errors.length > 0) throw new ValidationProblem(errors);
    };
  }

  /**
   * For a create (absent `assignedTo` means the creator, nothing to check). `field` names the
   * body path in the 400 when the record is nested (`client.assignedTo` of a lead conversion).
   */
  async assertNew(
    user: AuthUser,
    assignedTo: readonly string[] | undefined,
    field = 'assignedTo',
  ): Promise<void> {
    (await this.prepare(user, assignedTo, field))();
  }
}
