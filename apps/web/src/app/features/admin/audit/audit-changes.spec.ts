import { describe, expect, it } from 'vitest';

import { auditChanges } from './audit-changes';

// The translation as the page's: French labels for the fields it knows, the path otherwise.
const FR: Record<string, string> = {
  'clients.fields.name': 'Raison sociale',
  'clients.fields.paymentTermsDays': 'Délai de paiement (jours)',
  'audit.yes': 'Oui',
  'audit.no': 'Non',
};
const t = (path: string): string => FR[path] ?? path;

describe('auditChanges', () => {
  it('labels each changed field and gives its stored value before and after', () => {
    const changes = auditChanges(t, {
      entity: 'client',
      changedFields: ['name', 'paymentTermsDays'],
      before: { name: 'Sotupa', paymentTermsDays: 30, city: 'Sfax' },
      after: { name: 'Sotupa Industries SA', paymentTermsDays: 60, city: 'Sfax' },
    });
    expect(changes).toEqual([
      { field: 'name', label: 'Raison sociale', before: 'Sotupa', after: 'Sotupa Industries SA' },
      { field: 'paymentTermsDays', label: 'Délai de paiement (jours)', before: '30', after: '60' },
    ]);
  });

  it('has no "before" for a creation; says empty, yes/no and nested values plainly', () => {
    const changes = auditChanges(t, {
      entity: 'client',
      changedFields: ['notes', 'active', 'address', 'amount'],
      before: null,
      after: { notes: '', active: true, address: { city: 'Tunis', zip: '1000' }, amount: '1234.500' },
    });
    expect(changes.map((c) => [c.field, c.before, c.after])).toEqual([
      ['notes', null, '—'],
      ['active', null, 'Oui'],
      ['address', null, '{"city":"Tunis","zip":"1000"}'],
      ['amount', null, '1234.500'],
    ]);
  });

  it('shows a field removed by the change as empty after it', () => {
    const [change] = auditChanges(t, {
      entity: 'client',
      changedFields: ['phone'],
      before: { phone: '+216 71 000 000' },
      after: {},
    });
    expect(change).toMatchObject({ before: '+216 71 000 000', after: '—' });
  });
});
