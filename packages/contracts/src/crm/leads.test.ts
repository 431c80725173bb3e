import { describe, expect, it } from 'vitest';
import { LeadConvertSchema, LeadCreateSchema } from './leads.js';

describe('lead contracts', () => {
  it('fills the defaults of a new lead', () => {
    expect(LeadCreateSchema.parse({ fullName: '  Sami Ben Ali ' })).toEqual({
      fullName: 'Sami Ben Ali',
      source: 'other',
      status: 'new',
      priority: 'medium',
      transportNeeds: [],
      tags: [],
    });
  });

  it('takes a complete prospect', () => {
    const lead = LeadCreateSchema.parse({
      fullName: 'Sami Ben Ali',
      company: 'Textiles du Sahel',
      email: 'sami@textiles-sahel.tn',
      phone: '+216 73 000 000',
      source: 'trade_show',
      priority: 'high',
      transportNeeds: ['sea_fcl', 'air'],
      traffic: 'export',
      estimatedAnnualVolume: { quantity: '120', unit: 'teu' },
      estimatedAnnualValue: { amount: '250000.000', currency: 'TND' },
      nextFollowUpDate: '2026-03-02',
      assignedTo: ['0b6a1c1e-3f0c-4a55-9a8e-2f1d3c4b5a69'],
      tags: ['textile', 'sousse'],
    });
    expect(lead.estimatedAnnualValue).toEqual({ amount: '250000.000', currency: 'TND' });
  });

  it('rejects unknown fields (no mass assignment) and server-only values', () => {
    expect(LeadCreateSchema.safeParse({ fullName: 'A', createdBy: 'x' }).success).toBe(false);
    expect(LeadCreateSchema.safeParse({ fullName: 'A', status: 'converted' }).success).toBe(false);
  });

  it('rejects bad values field by field', () => {
    const result = LeadCreateSchema.safeParse({
      fullName: '',
      email: 'not-an-email',
      transportNeeds: ['air', 'air'],
      estimatedAnnualValue: { amount: 1200.5, currency: 'TND' },
      nextFollowUpDate: '02/03/2026',
    });
    const paths = result.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual([
      'email',
      'estimatedAnnualValue.amount',
      'fullName',
      'nextFollowUpDate',
      'transportNeeds',
    ]);
  });

  it('converts with a client, its primary contact and an open opportunity', () => {
    const body = {
      version: 4,
      client: { name: 'Textiles du Sahel', fiscalId: '1234567A/A/M/000', city: 'Sousse' },
      contact: { firstName: 'Sami', lastName: 'Ben Ali', emails: ['sami@textiles-sahel.tn'] },
      opportunity: { title: 'Export FCL Sousse → Marseille', transportType: 'sea_fcl' },
    };
    const parsed = LeadConvertSchema.parse(body);
    expect(parsed.client).toMatchObject({ country: 'TN', currency: 'TND', language: 'fr' });
    expect(parsed.opportunity?.stage).toBe('prospecting');
    // The contact is primary by construction; the opportunity cannot be born closed.
    expect(
      LeadConvertSchema.safeParse({ ...body, contact: { ...body.contact, isPrimary: false } }).success,
    ).toBe(false);
    expect(
      LeadConvertSchema.safeParse({ ...body, opportunity: { ...body.opportunity, stage: 'closed_won' } })
        .success,
    ).toBe(false);
    // Every part may be left to the API, which derives it from the lead.
    expect(LeadConvertSchema.parse({ version: 3 })).toEqual({ version: 3 });
  });
});
