import { describe, expect, it } from 'vitest';
import { ActivityCreateSchema, ActivityListQuerySchema } from './activities.js';
import { isActivityOverdue } from '../vocabulary.js';

const LEAD = '3f2b8c1a-7d4e-4b6a-9c2d-1e5f6a7b8c9d';
const QUOTE = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('activity contracts', () => {
  it('is linked to exactly one record', () => {
    const call = { type: 'call', subject: 'Relance tarif', dueAt: '2026-03-02T09:30:00+01:00' };
    expect(ActivityCreateSchema.parse({ ...call, leadId: LEAD }).status).toBe('scheduled');
    expect(ActivityCreateSchema.safeParse(call).success).toBe(false);
    expect(ActivityCreateSchema.safeParse({ ...call, leadId: LEAD, quoteId: QUOTE }).success).toBe(false);
  });

  it('reads overdue=true|false from the query string', () => {
    expect(ActivityListQuerySchema.parse({ overdue: 'true' }).overdue).toBe(true);
    expect(ActivityListQuerySchema.parse({ overdue: 'false' }).overdue).toBe(false);
    expect(ActivityListQuerySchema.safeParse({ overdue: 'soon' }).success).toBe(false);
  });

  it('calls an open activity past its due time overdue', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(isActivityOverdue({ status: 'scheduled', dueAt: '2026-03-02T09:00:00Z' }, now)).toBe(true);
    expect(isActivityOverdue({ status: 'postponed', dueAt: '2026-03-01T09:00:00Z' }, now)).toBe(true);
    expect(isActivityOverdue({ status: 'completed', dueAt: '2026-03-01T09:00:00Z' }, now)).toBe(false);
    expect(isActivityOverdue({ status: 'scheduled', dueAt: '2026-03-02T11:00:00Z' }, now)).toBe(false);
    expect(isActivityOverdue({ status: 'scheduled', dueAt: null }, now)).toBe(false);
  });
});
