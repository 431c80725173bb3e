import type { TimelineAuditItem } from '@velosi/contracts';
import { describe, expect, it } from 'vitest';

import fr from '../../../../../public/i18n/sales/fr.json';
import en from '../../../../../public/i18n/sales/en.json';
import { HistoryContext, describeAudit, serverText } from './history-words';

/** Transloco's lookup over the real `sales` files, with `{{ param }}` interpolation. */
function translator(dictionary: object) {
  return (key: string, params: Record<string, unknown> = {}): string => {
    const path = key.replace(/^sales\./, '').split('.');
    let node: unknown = dictionary;
    for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

const ME = 'me-sub';
const context = (type: HistoryContext['type'], lang: 'fr' | 'en' = 'fr'): HistoryContext => ({
  type,
  t: translator(lang === 'fr' ? fr : en),
  lang,
  me: ME,
});
const audit = (over: Partial<TimelineAuditItem>): TimelineAuditItem => ({
  kind: 'audit',
  at: '2026-12-05T10:00:00.000Z',
  id: '1',
  actor: 'u-sami',
  action: 'update',
  changes: [],
  names: { 'u-sami': 'Sami Ben Ali' },
  ...over,
});
const sentence = (line: { label: string; before: string | null; after: string }) =>
  `${line.label} : ${line.before === null ? '' : `${line.before} → `}${line.after}`;

describe('history in words', () => {
  it('says a quote status change with the vocabulary, lower case, in French and English', () => {
    const item = audit({ action: 'send', changes: [{ field: 'status', before: 'draft', after: 'sent' }] });
    const fr = describeAudit(item, context('quotes'));
    expect(fr.title).toBe('Cotation envoyée');
    expect(fr.actor).toBe('Sami Ben Ali');
    expect(fr.lines.map(sentence)).toEqual(['Statut : brouillon → envoyée']);
    expect(describeAudit(item, context('quotes', 'en')).lines.map(sentence)).toEqual([
      'Status : draft → sent',
    ]);
  });

  it('says an opportunity stage change', () => {
    const item = audit({
      action: 'stage_change',
      changes: [{ field: 'stage', before: 'qualification', after: 'proposal' }],
    });
    expect(describeAudit(item, context('opportunities')).lines.map(sentence)).toEqual([
      'Étape : qualification → proposition',
    ]);
  });

  it('names assignees and the converted client, with a link to the client', () => {
    const item = audit({
      action: 'convert',
      actor: ME,
      changes: [
        { field: 'assignedTo', before: ['u-sami'], after: ['u-sami', 'u-leila'] },
        { field: 'convertedClientId', before: null, after: 'c-1' },
      ],
      names: { 'u-sami': 'Sami Ben Ali', 'u-leila': 'Leila Trabelsi', 'c-1': 'Céramiques du Sahel' },
    });
    const entry = describeAudit(item, context('leads'));
    expect(entry.actor).toBe('Vous');
    expect(entry.lines.map(sentence)).toEqual([
      'Assigné à : Sami Ben Ali → Sami Ben Ali, Leila Trabelsi',
      'Client converti : Céramiques du Sahel',
    ]);
    expect(entry.lines[1]?.link).toBe('/clients/c-1');
    expect(entry.lines[0]?.link).toBeNull();
  });

  it('says the conversion created the opportunity (it is new, not taken over), in French and English', () => {
    const item = audit({
      action: 'convert',
      changes: [{ field: 'convertedOpportunityId', before: null, after: 'o-1' }],
      names: { 'u-sami': 'Sami Ben Ali', 'o-1': 'Dattes Tozeur' },
    });
    expect(describeAudit(item, context('leads')).lines.map(sentence)).toEqual([
      'Opportunité créée : Dattes Tozeur',
    ]);
    expect(describeAudit(item, context('leads', 'en')).lines[0]?.label).toBe('Opportunity created');
  });

  it('never shows a bare id: an unnamed record says so, and has no link', () => {
    const item = audit({ changes: [{ field: 'clientId', before: null, after: 'c-gone' }], names: {} });
    const [line] = describeAudit(item, context('quotes')).lines;
    expect(line?.after).not.toContain('c-gone');
    expect(line?.link).toBeNull();
  });

  it('names the customer acting through the public link, and the system', () => {
    expect(describeAudit(audit({ actor: 'public-link', names: {} }), context('quotes')).actor).toBe(
      'client (lien public)',
    );
    expect(describeAudit(audit({ actor: 'public-link', names: {} }), context('quotes', 'en')).actor).toBe(
      'client (public link)',
    );
    expect(describeAudit(audit({ actor: 'system', names: {} }), context('quotes')).actor).toBe('système');
  });

  it('translates server-made texts, old rows included, and leaves people’s words alone', () => {
    const t = context('opportunities').t;
    expect(serverText('Quote Q2026-00042 accepted', t)).toBe('Cotation Q2026-00042 acceptée');
    expect(serverText('Prix trop élevé', t)).toBe('Prix trop élevé');
    const email = audit({
      action: 'email',
      changes: [
        { field: 'messageId', before: null, after: '<abc@velosi>' },
        { field: 'recipients', before: null, after: ['amel@sahel.tn'] },
        { field: 'subject', before: null, after: 'Quotation Q2026-00042 – Tunis → Marseille' },
      ],
    });
    // The subject as the client received it (sent in English), not said again in French.
    expect(describeAudit(email, context('quotes')).lines.map(sentence)).toEqual([
      'Envoyé à : amel@sahel.tn',
      'Objet : Quotation Q2026-00042 – Tunis → Marseille',
    ]);
    expect(serverText('Cotation Q2026-00042 – Tunis → Marseille', t)).toBe(
      'Cotation Q2026-00042 – Tunis → Marseille',
    );
  });

  it('says a quote’s lines and totals in words: how many lines, the grand totals, no action code', () => {
    const line = { description: 'Fret maritime' };
    const lines = audit({
      action: 'replace_lines',
      changes: [{ field: 'items', before: [line, line], after: [line, line, line] }],
    });
    const fr = describeAudit(lines, context('quotes'));
    expect(fr.title).toBe('Lignes modifiées');
    expect(fr.lines.map(sentence)).toEqual(['Lignes : 2 lignes → 3 lignes']);
    const same = audit({
      action: 'replace_lines',
      changes: [{ field: 'items', before: [line], after: [line] }],
    });
    expect(describeAudit(same, context('quotes', 'en')).title).toBe('Lines changed');
    expect(describeAudit(same, context('quotes', 'en')).lines.map(sentence)).toEqual(['Lines : 1 line']);
    const totals = audit({
      changes: [{ field: 'totals', before: { totalTnd: '1200.000' }, after: { totalTnd: '1450.500' } }],
    });
    expect(describeAudit(totals, context('quotes')).lines.map(sentence)).toEqual([
      'Montants : 1\u202f200,000 TND → 1\u202f450,500 TND',
    ]);
    const opaque = audit({ changes: [{ field: 'totals', before: { a: 1 }, after: { a: 2 } }] });
    expect(describeAudit(opaque, context('quotes')).lines.map(sentence)).toEqual(['Montants : recalculés']);
  });

  it('never says "sent" of an e-mail the dev outbox took (no mail server)', () => {
    const changes = [
      { field: 'recipients', before: null, after: ['achats@sotupa.example'] },
      { field: 'outbox', before: null, after: true },
    ];
    const fr = describeAudit(audit({ action: 'email', changes }), context('quotes'));
    expect(fr.title).toBe('E-mail non parti (pas de serveur d’e-mail)');
    expect(fr.lines.map(sentence)).toEqual(['Destinataires prévus : achats@sotupa.example']);
    const en = describeAudit(audit({ action: 'email', changes }), context('quotes', 'en'));
    expect(en.title).toBe('E-mail not sent (no mail server)');
    expect(en.lines.map(sentence)).toEqual(['Intended recipients : achats@sotupa.example']);
    // Rows of a real send (no outbox flag) still read "sent".
    expect(describeAudit(audit({ action: 'email', changes: [changes[0]!] }), context('quotes')).title).toBe(
      'E-mail envoyé',
    );
  });

  it('shows dates and amounts in the reader’s language, and unknown actions by name', () => {
    const item = audit({
      action: 'reopen',
      changes: [
        { field: 'expectedCloseDate', before: '2026-12-15', after: '2027-01-10' },
        { field: 'value', before: null, after: { amount: '12500.000', currency: 'EUR' } },
      ],
    });
    const entry = describeAudit(item, context('opportunities'));
    expect(entry.title).toBe('Modification (reopen)');
    expect(entry.lines.map(sentence)).toEqual([
      'Clôture prévue : 15 déc. 2026 → 10 janv. 2027',
      'Valeur : 12\u202f500,00 EUR',
    ]);
  });
});
