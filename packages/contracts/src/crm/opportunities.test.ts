import { describe, expect, it } from 'vitest';
import {
  OpportunityCreateSchema,
  OpportunityStageChangeSchema,
  OpportunityUpdateSchema,
} from './opportunities.js';

const LEAD = '3f2b8c1a-7d4e-4b6a-9c2d-1e5f6a7b8c9d';
const CLIENT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('opportunity contracts', () => {
  it('belongs to exactly one of lead or client', () => {
    expect(OpportunityCreateSchema.safeParse({ title: 'FCL', leadId: LEAD }).success).toBe(true);
    expect(OpportunityCreateSchema.safeParse({ title: 'FCL', clientId: CLIENT }).success).toBe(true);
    expect(OpportunityCreateSchema.safeParse({ title: 'FCL', leadId: LEAD, clientId: CLIENT }).success).toBe(
      false,
    );
    expect(OpportunityCreateSchema.safeParse({ title: 'FCL', leadId: null }).success).toBe(false);
  });

  it('keeps the probability between 0 and 100', () => {
    expect(OpportunityCreateSchema.safeParse({ title: 'FCL', leadId: LEAD, probability: 101 }).success).toBe(
      false,
    );
  });

  it('refuses to close an opportunity without a reason', () => {
    const lost = OpportunityStageChangeSchema.safeParse({ version: 2, stage: 'closed_lost' });
    expect(lost.error?.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
    expect(
      OpportunityStageChangeSchema.safeParse({ version: 2, stage: 'closed_won', reason: '   ' }).success,
    ).toBe(false);
    expect(
      OpportunityStageChangeSchema.parse({ version: 2, stage: 'closed_won', reason: 'Best transit time' })
        .reason,
    ).toBe('Best transit time');
  });

  it('moves between open stages without a reason', () => {
    expect(OpportunityStageChangeSchema.safeParse({ version: 2, stage: 'negotiation' }).success).toBe(true);
  });

  it('changes the stage only through the stage action', () => {
    expect(OpportunityUpdateSchema.safeParse({ version: 2, stage: 'closed_won' }).success).toBe(false);
    expect(
      OpportunityCreateSchema.safeParse({ title: 'FCL', leadId: LEAD, stage: 'closed_lost' }).success,
    ).toBe(false);
  });
});
