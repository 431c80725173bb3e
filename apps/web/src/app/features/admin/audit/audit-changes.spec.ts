import { describe, expect, it } from 'vitest';

import { auditChanges } from './audit-changes';

// The translation as the page's: French words for what it knows, the path itself otherwise.
const FR: Record<string, string> = {
  'clients.fields.name': 'Nom de la société',
  'clients.fields.paymentTermsDays': 'Délai de paiement (jours)',
  'invoices.fields.status': 'Statut',
  'invoices.status.draft': 'Brouillon',
  'invoices.status.issued': 'Émise',
  'quotes.modes.sea_fcl': 'Maritime FCL',
  'sales.stage.won': 'Gagnée',
  'sales.leadStatus.qualified': 'Qualifié',
  'audit.codes.method.identity_provider': 'Page de connexion',
  'audit.yes': 'Oui',
  'audit.no': 'Non',
};
const t = (path: string): string => FR[path] ?? path;
const texts = (changes: ReturnType<typeof auditChanges>) =>
  changes.map((c) => [c.field, c.before?.text ?? null, c.after?.text ?? null]);

describe('auditChanges', () => {
  it('labels each changed field and gives its value before and after', () => {
    const changes = auditChanges(t, 'fr', {
      entity: 'client',
      changedFields: ['name', 'paymentTermsDays'],
      before: { name: 'Sotupa', paymentTermsDays: 30, city: 'Sfax' },
      after: { name: 'Sotupa Industries SA', paymentTermsDays: 60, city: 'Sfax' },
    });
    expect(changes.map((c) => c.label)).toEqual(['Nom de la société', 'Délai de paiement (jours)']);
    expect(texts(changes)).toEqual([
      ['name', 'Sotupa', 'Sotupa Industries SA'],
      ['paymentTermsDays', '30', '60'],
    ]);
  });

  it('says codes in the words of the object’s pages, the code kept as stored', () => {
    const [status] = auditChanges(t, 'fr', {
      entity: 'invoice',
      changedFields: ['status'],
      before: { status: 'draft' },
      after: { status: 'issued' },
    });
    expect(status).toMatchObject({
      label: 'Statut',
      before: { text: 'Brouillon', stored: 'draft' },
      after: { text: 'Émise', stored: 'issued' },
    });
    const words = (entity: string, field: string, code: string) =>
      auditChanges(t, 'fr', { entity, changedFields: [field], before: null, after: { [field]: code } })[0]!
        .after!.text;
    expect(words('quote', 'mode', 'sea_fcl')).toBe('Maritime FCL');
    expect(words('opportunity', 'stage', 'won')).toBe('Gagnée');
    expect(words('lead', 'status', 'qualified')).toBe('Qualifié');
    expect(words('auth', 'method', 'identity_provider')).toBe('Page de connexion');
    // A code no page names stays as stored.
    expect(words('invoice', 'status', 'archived')).toBe('archived');
  });

  it('says a flat document (a user’s profile) value by value, only what changed; lines stay JSON', () => {
    const changes = auditChanges(
      (path) =>
        ({ 'audit.fields.profile': 'Profil', 'audit.fields.profileTitle': 'Fonction', 'audit.no': 'Non' })[
          path
        ] ?? path,
      'fr',
      {
        entity: 'user',
        changedFields: ['profile', 'lines'],
        before: { profile: { phone: null, title: null, isSupervisor: false }, lines: [{ a: 1 }] },
        after: { profile: { phone: null, title: 'Chef de quai', isSupervisor: false }, lines: [{ a: 2 }] },
      },
    );
    expect(changes.map((c) => [c.label, c.before?.text, c.after?.text])).toEqual([
      ['Profil · Fonction', '—', 'Chef de quai'],
      ['lines', '[{"a":1}]', '[{"a":2}]'],
    ]);
  });

  it('names the people behind user ids the page knows; an unknown id stays as stored', () => {
    const people = new Map([
      ['u-1', 'Nadia Gharbi'],
      ['u-2', 'Karim Jaziri'],
    ]);
    const changes = auditChanges(
      t,
      'fr',
      {
        entity: 'location',
        changedFields: ['createdBy', 'assignedTo', 'updatedBy', 'latitude'],
        before: null,
        after: { createdBy: 'u-1', assignedTo: ['u-1', 'u-2'], updatedBy: 'u-9', latitude: 36.8 },
      },
      (id) => people.get(id) ?? null,
    );
    expect(texts(changes)).toEqual([
      ['createdBy', null, 'Nadia Gharbi'],
      ['assignedTo', null, 'Nadia Gharbi, Karim Jaziri'],
      ['updatedBy', null, 'u-9'],
      ['latitude', null, '36,8'],
    ]);
  });

  it('has no "before" for a creation; says empty, yes/no, dates and nested values plainly', () => {
    const changes = auditChanges(t, 'fr', {
      entity: 'client',
      changedFields: ['notes', 'active', 'address', 'amount', 'issuedOn'],
      before: null,
      after: {
        notes: '',
        active: true,
        address: { city: 'Tunis', zip: '1000' },
        amount: '1234.500',
        issuedOn: '2026-12-07',
      },
    });
    expect(texts(changes)).toEqual([
      ['notes', null, '—'],
      ['active', null, 'Oui'],
      ['address.city', null, 'Tunis'],
      ['address.zip', null, '1000'],
      ['amount', null, '1\u202f234,500'],
      ['issuedOn', null, '7 déc. 2026'],
    ]);
  });

  it('writes an instant in the reader’s language, keeping the stored one', () => {
    const [at] = auditChanges(t, 'en', {
      entity: 'invoice',
      changedFields: ['issuedAt'],
      before: { issuedAt: null },
      after: { issuedAt: '2026-12-07T15:22:32.845Z' },
    });
    expect(at!.before).toEqual({ text: '—', stored: '' });
    expect(at!.after!.stored).toBe('2026-12-07T15:22:32.845Z');
    expect(at!.after!.text).toMatch(/^7 Dec 2026, \d{2}:22:32$/);
  });

  it('shows a field removed by the change as empty after it', () => {
    const [change] = auditChanges(t, 'fr', {
      entity: 'client',
      changedFields: ['phone'],
      before: { phone: '+216 71 000 000' },
      after: {},
    });
    expect(texts([change!])).toEqual([['phone', '+216 71 000 000', '—']]);
  });
});
