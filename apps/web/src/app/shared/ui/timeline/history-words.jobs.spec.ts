import { JobSchema, type TimelineAuditItem } from '@velosi/contracts';
import { describe, expect, it } from 'vitest';

import jobsEn from '../../../../../public/i18n/jobs/en.json';
import jobsFr from '../../../../../public/i18n/jobs/fr.json';
import quotesEn from '../../../../../public/i18n/quotes/en.json';
import quotesFr from '../../../../../public/i18n/quotes/fr.json';
import salesEn from '../../../../../public/i18n/sales/en.json';
import salesFr from '../../../../../public/i18n/sales/fr.json';
import { fieldLabel } from '../../audit/field-words';
import { HistoryContext, actorName, describeAudit } from './history-words';

/**
 * Transloco on the job page: the `sales` scope (the timeline's), the `jobs` scope (the page's) and
 * the `quotes` scope the job route loads too, a missing key answered with its path, `{{ param }}`
 * interpolated.
 */
function translator(scopes: Record<string, object>) {
  return (key: string, params: Record<string, unknown> = {}): string => {
    let node: unknown = scopes;
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
    if (typeof node !== 'string') return key;
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
  };
}

const context = (lang: 'fr' | 'en' = 'fr'): HistoryContext => ({
  type: 'jobs',
  t: translator(
    lang === 'fr'
      ? { sales: salesFr, jobs: jobsFr, quotes: quotesFr }
      : { sales: salesEn, jobs: jobsEn, quotes: quotesEn },
  ),
  lang,
  me: 'me-sub',
});
const audit = (over: Partial<TimelineAuditItem>) => ({
  kind: 'audit' as const,
  at: '2026-12-05T10:00:00.000Z',
  id: '1',
  actor: 'system',
  action: 'update',
  changes: [],
  ...over,
});
const sentence = (line: { label: string; before: string | null; after: string }) =>
  `${line.label} : ${line.before === null ? '' : `${line.before} → `}${line.after}`;

describe('a job’s history in the words of the job pages', () => {
  it('says a status change with the job statuses, in French and English', () => {
    const item = audit({
      action: 'status_change',
      changes: [
        { field: 'atd', before: null, after: '2026-11-28' },
        { field: 'status', before: 'open', after: 'in_transit' },
      ],
    });
    expect(describeAudit(item, context()).lines.map(sentence)).toEqual([
      'Statut : ouvert → en transit',
      'ATD (départ réel) : 28 nov. 2026',
    ]);
    expect(describeAudit(item, context('en')).lines.map(sentence)).toEqual([
      'Status : open → in transit',
      'ATD (actual departure) : 28 Nov 2026',
    ]);
  });

  it('says a job’s mode and direction with the quote pages’ words (a job keeps its quote’s)', () => {
    const item = audit({
      changes: [
        { field: 'mode', before: 'sea_fcl', after: 'air' },
        { field: 'direction', before: 'import', after: 'export' },
      ],
    });
    const [mode, direction] = describeAudit(item, context()).lines;
    expect([mode?.before, mode?.after, direction?.after]).toEqual(['maritime FCL', 'aérien', 'export']);
  });

  it('labels the transport fields as the job pages do and shows document numbers as stored', () => {
    const item = audit({
      changes: [
        { field: 'ata', before: null, after: '2026-12-01' },
        { field: 'hblNumber', before: null, after: 'HBL-2026-0412' },
        { field: 'mblNumber', before: null, after: '123456789' },
        { field: 'vesselImo', before: null, after: '9074729' },
        { field: 'bookingNumber', before: '4400123', after: '4400124' },
      ],
    });
    const fr = describeAudit(item, context()).lines.map(sentence);
    expect(fr).toEqual([
      'ATA (arrivée réelle) : 1 déc. 2026',
      'N° HBL : HBL-2026-0412',
      'N° MBL : 123456789',
      'Navire (IMO) : 9074729',
      'N° de booking : 4400123 → 4400124',
    ]);
    const en = describeAudit(item, context('en')).lines;
    expect(en.find((l) => l.field === 'vesselImo')).toMatchObject({
      label: 'Vessel (IMO)',
      after: '9074729',
    });
  });

  it('still groups the digits of real quantities and measures', () => {
    const item = audit({
      changes: [
        { field: 'packagesCount', before: 1200, after: 1500 },
        { field: 'grossWeightKg', before: null, after: '12500.500' },
      ],
    });
    expect(describeAudit(item, context()).lines.map((l) => [l.before, l.after])).toEqual([
      ['1\u202f200', '1\u202f500'],
      [null, '12\u202f500,500'],
    ]);
  });

  it('names a carrier, a shipper by the name the job keeps, not by its code or id', () => {
    const item = audit({
      changes: [
        { field: 'carrierCode', before: null, after: 'CMA' },
        { field: 'carrierName', before: null, after: 'CMA CGM' },
      ],
    });
    expect(describeAudit(item, context()).lines.map(sentence)).toEqual(['Transporteur : CMA CGM']);
  });

  // The audit scope (the admin page's fallback labels) is not loaded on the job page.
  it.each(['fr', 'en'] as const)('%s labels every field of a job with the job page’s words', (lang) => {
    const { t } = context(lang);
    const raw = Object.keys(JobSchema.shape).filter((field) => fieldLabel(t, 'job', field) === field);
    expect(raw).toEqual([]);
  });

  it('names the charge line an edit changed and lists its changed fields with the cost form labels', () => {
    // As the API lists an edit of a line: the line's own fields, bookkeeping and derived ones included.
    const item = audit({
      action: 'charge_update',
      actor: 'me-sub',
      subject: 'Manutention Radès',
      changes: [
        { field: 'currency', before: 'EUR', after: 'USD' },
        { field: 'exchangeRate', before: '3.400000', after: '3.100000' },
        { field: 'amountTnd', before: '510.000', after: '465.000' },
        { field: 'version', before: 1, after: 2 },
      ],
    });
    const fr = describeAudit(item, context());
    expect(fr.title).toBe('Ligne de frais modifiée');
    expect(fr.subject).toBe('Manutention Radès');
    expect(fr.actor).toBe('Vous');
    expect(fr.lines.map(sentence)).toEqual(['Devise : EUR → USD', 'Taux : 3,400 → 3,100']);
    const en = describeAudit(item, context('en'));
    expect(en.subject).toBe('Manutention Radès');
    expect(en.lines.map(sentence)).toEqual(['Currency : EUR → USD', 'Rate : 3.400 → 3.100']);
  });

  it('names the container added or removed, and the milestone recorded', () => {
    const added = describeAudit(audit({ action: 'container_add', subject: 'MSCU1234565' }), context());
    expect([added.title, added.subject, added.lines]).toEqual(['Conteneur ajouté', 'MSCU1234565', []]);
    const removed = describeAudit(
      audit({ action: 'container_remove', subject: 'MSCU1234565' }),
      context('en'),
    );
    expect(removed.subject).toBe('MSCU1234565');
    // A milestone is named by its kind, a code: said in words.
    expect(describeAudit(audit({ action: 'milestone_add', subject: 'departed' }), context()).subject).toBe(
      'Départ',
    );
  });

  it('labels a part’s changes the API lists with the part’s form, and keeps entries without the part', () => {
    const item = audit({
      action: 'container_update',
      changes: [{ field: 'sealNumber', before: 'SEAL-1', after: 'SEAL-2' }],
    });
    expect(describeAudit(item, context()).lines.map(sentence)).toEqual(['N° de scellé : SEAL-1 → SEAL-2']);
    const bare = describeAudit(audit({ action: 'charge_update' }), context());
    expect([bare.title, bare.subject, bare.lines]).toEqual(['Ligne de frais modifiée', null, []]);
  });

  it('says the system in the reader’s language for milestones too', () => {
    expect(actorName({ actor: 'system' }, context())).toBe('système');
    expect(actorName({ actor: 'system' }, context('en'))).toBe('system');
  });
});
