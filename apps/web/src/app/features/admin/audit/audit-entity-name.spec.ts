import type { AuditEntry, Permission } from '@velosi/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../../../../public/i18n/audit/en.json';
import fr from '../../../../../public/i18n/audit/fr.json';
import { entityName, entityRoute, shortId } from './audit-entity-name';

const ID = 'b22541be-52c4-4d1c-9a43-0c1f5b7e0d2a';
type Ref = Pick<AuditEntry, 'entity' | 'entityId' | 'entityLabel' | 'entityLabelGap'>;
const ref = (over: Partial<Ref> = {}): Ref => ({
  entity: 'payment',
  entityId: ID,
  entityLabel: 'R2026-00005',
  entityLabelGap: null,
  ...over,
});
/** Transloco's answer from the audit scope's file, else the key path. */
const translatorOf =
  (file: typeof en) =>
  (path: string): string => {
    const [, group, key] = path.split('.');
    const words = (file as unknown as Record<string, Record<string, string>>)[group ?? '']?.[key ?? ''];
    return words ?? path;
  };
const everything = (): boolean => true;

describe('audit object names', () => {
  it('names the object by its label, else the reason and the id’s first block, in both languages', () => {
    expect(entityName(translatorOf(fr), ref())).toBe('R2026-00005');
    expect(entityName(translatorOf(fr), ref({ entityLabel: null, entityLabelGap: 'draft' }))).toBe(
      'Brouillon · b22541be',
    );
    expect(entityName(translatorOf(en), ref({ entityLabel: null, entityLabelGap: 'draft' }))).toBe(
      'Draft · b22541be',
    );
    expect(entityName(translatorOf(fr), ref({ entityLabel: null, entityLabelGap: 'deleted' }))).toBe(
      'Supprimé · b22541be',
    );
    expect(entityName(translatorOf(en), ref({ entityLabel: null }))).toBe('b22541be');
    // An id a person reads (the username typed at a refused sign-in) is shown whole.
    expect(
      entityName(translatorOf(en), ref({ entity: 'auth', entityId: 'nobody.here', entityLabel: null })),
    ).toBe('nobody.here');
    expect(shortId('orders-2026')).toBe('orders-2026');
  });

  it('links to the record pages that exist, for a record still stored and a user allowed there', () => {
    expect(entityRoute(ref(), everything)).toEqual(['/payments', ID]);
    for (const [entity, path] of [
      ['quote', '/quotes'],
      ['job', '/jobs'],
      ['invoice', '/invoices'],
      ['client', '/clients'],
      ['lead', '/leads'],
      ['opportunity', '/opportunities'],
    ] as const) {
      expect(entityRoute(ref({ entity }), everything)).toEqual([path, ID]);
    }
    // A draft invoice has a page; a deleted record, a contact or a user has none.
    expect(
      entityRoute(ref({ entity: 'invoice', entityLabel: null, entityLabelGap: 'draft' }), everything),
    ).toEqual(['/invoices', ID]);
    expect(entityRoute(ref({ entityLabel: null, entityLabelGap: 'deleted' }), everything)).toBeNull();
    expect(entityRoute(ref({ entity: 'contact' }), everything)).toBeNull();
    expect(entityRoute(ref({ entity: 'user' }), everything)).toBeNull();
    const noPayments = (permission: Permission) => permission !== 'payments:read';
    expect(entityRoute(ref(), noPayments)).toBeNull();
    expect(entityRoute(ref({ entity: 'quote' }), noPayments)).toEqual(['/quotes', ID]);
  });
});
