import { Injectable } from '@nestjs/common';
import {
  FIELD_MESSAGES,
  reminderAfterDue,
  type Activity,
  type ActivityComplete,
  type ActivityCreate,
  type ActivityListQuery,
  type ActivityPage,
  type ActivityUpdate,
} from '@velosi/contracts';
import { arrayContains, eq, gte, inArray, lte, not, sql } from 'drizzle-orm';
import type { AuthUser } from '../auth/auth-user.js';
import { ownedBy, type Actor } from '../common/records/actor.js';
import { Assignments } from '../staff/assignment.js';
import { presentOnly } from '../common/records/fields.js';
import { assertLinkVisible } from '../common/records/links.js';
import { invalidState } from '../common/records/problems.js';

import { ValidationProblem } from '../common/validation.js';
import { type Transaction } from '../database/database.types.js';
import {
  ACTIVITY_LINK_TARGETS,
  activityColumns,
  overdueCondition,
  toActivity,
  type ActivityLinkKey,
} from './activities.records.js';
import { activities } from './activities.table.js';
import { ActivitiesRepository } from './activities.repository.js';

const LINK_KEYS: readonly ActivityLinkKey[] = ['leadId', 'opportunityId', 'quoteId', 'clientId'];

@Injectable()
export class ActivitiesService {
  constructor(
    readonly records: ActivitiesRepository,
    private readonly assignments: Assignments,
  ) {}

  async list(user: AuthUser, query: ActivityListQuery): Promise<ActivityPage> {
    const links = LINK_KEYS.map((key) => {
      const id = query[key];
      return id ? eq(activities[key], id) : undefined;
    });
    const page = await this.records.list(user, query, [
      ...links,
      query.type ? inArray(activities.type, query.type) : undefined,
      query.status ? inArray(activities.status, query.status) : undefined,
      query.assignedTo ? arrayContains(activities.assignedTo, [query.assignedTo]) : undefined,
      query.dueFrom ? gte(activities.dueAt, new Date(query.dueFrom)) : undefined,
      query.dueTo ? lte(activities.dueAt, new Date(query.dueTo)) : undefined,
      query.overdue === undefined ? undefined : query.overdue ? overdueCondition : not(overdueCondition),
    ]);
    const names = await this.records.linkNames(page.items.map((a) => a.id));
    return { ...page, items: page.items.map((a) => ({ ...a, relatedName: names.get(a.id) ?? null })) };
  }

  async create(actor: Actor, body: ActivityCreate): Promise<Activity> {
    await this.assignments.assertNew(actor.user, body.assignedTo);
    const row = await this.records.db.transaction(async (tx) => {
      await this.assertLinkVisible(tx, actor.user, body);
      return this.records.create(tx, actor, {
        ...activityColumns(body),
        ...ownedBy(actor, body.assignedTo),
      });
    });
    return toActivity(row);
  }

  async update(actor: Actor, id: string, { version, ...changes }: ActivityUpdate): Promise<Activity> {
    const assignment = await this.assignments.prepare(actor.user, changes.assignedTo);
    return this.records.updateOne(actor, id, version, presentOnly(activityColumns(changes)), {
      check: (before) => {
        assignment(before.assignedTo);
        // The create schema compares the two; an edit may change either, so compare what it leaves.
        const dueAt = changes.dueAt !== undefined ? changes.dueAt : before.dueAt?.toISOString();
        const reminderAt =
          changes.reminderAt !== undefined ? changes.reminderAt : before.reminderAt?.toISOString();
        if (reminderAfterDue(dueAt, reminderAt)) {
          throw new ValidationProblem([{ field: 'reminderAt', message: FIELD_MESSAGES.reminderAfterDue }]);
        }
      },
    });
  }

  /** Marks it done now; only open (scheduled/postponed) activities can be completed. */
  complete(actor: Actor, id: string, { version, outcome }: ActivityComplete): Promise<Activity> {
    return this.records.updateOne(
      actor,
      id,
      version,
      { status: 'completed', doneAt: sql`now()`, outcome: outcome ?? null },
      {
        action: 'complete',
        check: (before) => {
          if (before.status === 'completed' || before.status === 'cancelled') {
            throw invalidState(`This activity is already ${before.status}.`);
          }
        },
      },
    );
  }

  /** The linked record must exist and be visible to the author. */
  private async assertLinkVisible(tx: Transaction, user: AuthUser, body: ActivityCreate): Promise<void> {
    const key = LINK_KEYS.find((k) => body[k]);
    const id = key ? body[key] : undefined;
    if (!key || !id) return; // the contract already demands exactly one link
    const target = ACTIVITY_LINK_TARGETS[key];
    if (!target) throw new ValidationProblem([{ field: key, message: 'this link is not available yet' }]);
    await assertLinkVisible(tx, user, target, id, key);
  }
}
