import {
  ANONYMOUS_ACTOR,
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  ActivitySchema,
  AdminUserSchema,
  AgentSchema,
  AirlineSchema,
  AttachmentSchema,
  type AuditEntity,
  ChargeTypeSchema,
  ClientSchema,
  ContactSchema,
  EquipmentSchema,
  ExchangeRateRecordSchema,
  HaulierSchema,
  InvoiceSchema,
  JobChargeSchema,
  JobContainerSchema,
  JobMilestoneSchema,
  JobSchema,
  LeadSchema,
  LocationSchema,
  NotificationPreferencesSchema,
  OpportunitySchema,
  PaymentSchema,
  QuoteSchema,
  SalesTargetRecordSchema,
  ShippingLineSchema,
  SupplierInvoiceSchema,
  SupplierSchema,
  VesselSchema,
} from '@velosi/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../../../../public/i18n/audit/en.json';
import fr from '../../../../../public/i18n/audit/fr.json';
import { FIELD_SCOPES, SHARED_FIELD_SCOPE, fieldLabel } from '../../../shared/audit/field-words';
import { decimalWord } from '../../../shared/sales/money';
import {
  AUDIT_FIELD_SCOPES,
  auditLabel,
  changeSummary,
  changedFieldLabels,
  systemActorLabel,
} from './audit-labels';

type Json = { [key: string]: string | Json };
const LANGUAGES = { en, fr } as const;

/** The i18n file of `scope` in `lang`, read from public/i18n like the app's loader does. */
async function scopeFile(scope: string, lang: 'en' | 'fr'): Promise<Json> {
  const file = (await import(`../../../../../public/i18n/${scope}/${lang}.json`)) as { default: Json };
  return file.default;
}

/** Transloco's answer: the translation, else the key path (its default missing-key handler). */
const translatorOf =
  (scopes: Record<string, Json>) =>
  (path: string): string => {
    let node: string | Json | undefined = scopes;
    for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    return typeof node === 'string' ? node : path;
  };

async function translatorIn(lang: 'en' | 'fr'): Promise<(path: string) => string> {
  const scopes: Record<string, Json> = { audit: LANGUAGES[lang] };
  for (const scope of AUDIT_FIELD_SCOPES) scopes[scope] = await scopeFile(scope, lang);
  return translatorOf(scopes);
}

describe('auditLabel: actions and objects in words, raw key as fallback', () => {
  it('translates a known action and object in both languages', () => {
    expect(auditLabel(translatorOf({ audit: en }), 'actions', 'login_failed')).toBe('Refused sign-in');
    expect(auditLabel(translatorOf({ audit: fr }), 'actions', 'stage_change')).toBe("Changement d'étape");
    expect(auditLabel(translatorOf({ audit: en }), 'entities', 'exchange_rate')).toBe('Exchange rate');
    expect(auditLabel(translatorOf({ audit: fr }), 'entities', 'job')).toBe('Dossier');
  });

  it('shows an unknown key as stored', () => {
    expect(auditLabel(translatorOf({ audit: en }), 'actions', 'teleport')).toBe('teleport');
    expect(auditLabel(translatorOf({ audit: fr }), 'entities', 'spaceship')).toBe('spaceship');
    expect(auditLabel(translatorOf({ audit: fr }), 'entities', '')).toBe('');
  });

  it('French and English name the same actions and objects', () => {
    expect(Object.keys(fr.actions).sort()).toEqual(Object.keys(en.actions).sort());
    expect(Object.keys(fr.entities).sort()).toEqual(Object.keys(en.entities).sort());
  });

  // The API's audit writer only takes AUDIT_ACTIONS and AUDIT_ENTITIES (typed in @velosi/contracts):
  // a new one fails here until both languages have its word.
  it.each(['fr', 'en'] as const)('%s has a word for every action and object the API writes', (lang) => {
    const t = translatorOf({ audit: LANGUAGES[lang] });
    const untranslated = [
      ...AUDIT_ACTIONS.filter((action) => auditLabel(t, 'actions', action) === action),
      ...AUDIT_ENTITIES.filter((entity) => auditLabel(t, 'entities', entity) === entity),
    ];
    expect(untranslated).toEqual([]);
  });

  it('French says Cotation and Étape, as the rest of the application', () => {
    const words = JSON.stringify(fr);
    expect(words).not.toMatch(/\bdevis\b|\bjalons?\b/i);
    expect(fr.entities.quote).toBe('Cotation');
  });
});

describe('fieldLabel: changed fields as the object pages name them', () => {
  it('uses the object scope, then the shared sales words, else the stored name', async () => {
    const t = await translatorIn('fr');
    expect(fieldLabel(t, 'lead', 'fullName')).toBe('Nom complet');
    expect(fieldLabel(t, 'client', 'fiscalId')).toBe('Matricule fiscal');
    expect(fieldLabel(t, 'lead', 'transportNeeds')).toBe('Besoins de transport');
    expect(fieldLabel(t, 'lead', 'version')).toBe('Version');
    expect(fieldLabel(t, 'lead', 'searchVector')).toBe('searchVector');
    expect(fieldLabel(t, 'vessel', 'imo')).toBe('Numéro IMO');
    expect(fieldLabel(t, 'spaceship', 'warpFactor')).toBe('warpFactor');
  });

  it('lists the fields in the UI language', async () => {
    const t = await translatorIn('en');
    expect(changedFieldLabels(t, 'payment', ['bankReference', 'updatedAtMs'])).toBe(
      `${fieldLabel(t, 'payment', 'bankReference')}, updatedAtMs`,
    );
    expect(fieldLabel(t, 'payment', 'bankReference')).not.toBe('bankReference');
  });

  it('names the money fields of invoices, payments and supplier invoices', async () => {
    const en = await translatorIn('en');
    const fr = await translatorIn('fr');
    expect(fieldLabel(en, 'invoice', 'openAmount')).toBe('Amount due');
    expect(fieldLabel(fr, 'invoice', 'openAmount')).toBe('Reste dû');
    expect(fieldLabel(fr, 'invoice', 'clientId')).toBe('Client');
    expect(fieldLabel(en, 'payment', 'allocatedAmount')).toBe('Allocated');
    expect(fieldLabel(fr, 'payment', 'updatedAt')).toBe('Modifié le');
    expect(fieldLabel(en, 'supplier_invoice', 'supplierNumber')).toBe('Supplier’s invoice number');
    expect(fieldLabel(fr, 'supplier_invoice', 'paidOn')).toBe('Payée le');
    expect(fieldLabel(fr, 'supplier_invoice', 'version')).toBe('Version');
  });

  // Both languages label the same fields, so a change reads alike whichever one the user picked.
  it.each([...Object.values(FIELD_SCOPES), SHARED_FIELD_SCOPE])(
    '%s names the same fields in French and English',
    async (path) => {
      const fields = async (lang: 'en' | 'fr'): Promise<string[]> => {
        const [scope = '', ...rest] = path.split('.');
        let node: Json = await scopeFile(scope, lang);
        for (const part of [...rest, 'fields']) node = (node[part] ?? {}) as Json;
        return Object.keys(node).sort();
      };
      expect(await fields('fr')).toEqual(await fields('en'));
    },
  );
});

/**
 * What the API stores as an object's before/after: the contract's read shape (the repositories'
 * toApi), a job's parts (containers, cost lines, milestones), or the documents of the sign-in
 * audit (auth-audit.ts) and of the few actions that log a part of a record (payment allocations,
 * e-mails, credit notes, reference data loads).
 */
const AUDITED_FIELDS: Partial<Record<AuditEntity, readonly string[]>> = {
  activity: Object.keys(ActivitySchema.shape),
  agent: Object.keys(AgentSchema.shape),
  airline: Object.keys(AirlineSchema.shape),
  attachment: Object.keys(AttachmentSchema.shape),
  auth: ['ip', 'method', 'reason', 'sessionId', 'signedInAt', 'userAgent', 'username', 'via'],
  charge_type: Object.keys(ChargeTypeSchema.shape),
  client: Object.keys(ClientSchema.shape),
  contact: Object.keys(ContactSchema.shape),
  equipment: Object.keys(EquipmentSchema.shape),
  exchange_rate: Object.keys(ExchangeRateRecordSchema.shape),
  haulier: Object.keys(HaulierSchema.shape),
  invoice: [...Object.keys(InvoiceSchema.shape), 'recipients', 'messageId', 'creditNoteId'],
  job: [
    ...Object.keys(JobSchema.shape),
    ...Object.keys(JobContainerSchema.shape),
    ...Object.keys(JobChargeSchema.shape),
    ...Object.keys(JobMilestoneSchema.shape),
    'milestoneId',
    'to',
  ],
  lead: Object.keys(LeadSchema.shape),
  location: Object.keys(LocationSchema.shape),
  'notification-preferences': Object.keys(NotificationPreferencesSchema.shape),
  opportunity: Object.keys(OpportunitySchema.shape),
  payment: Object.keys(PaymentSchema.shape),
  quote: [...Object.keys(QuoteSchema.shape), 'recipients', 'cc', 'subject', 'messageId', 'revoked', 'outbox'],
  reference_data: ['dataset', 'rows', 'version'],
  sales_target: Object.keys(SalesTargetRecordSchema.shape),
  shipping_line: Object.keys(ShippingLineSchema.shape),
  supplier: Object.keys(SupplierSchema.shape),
  supplier_invoice: Object.keys(SupplierInvoiceSchema.shape),
  user: [...Object.keys(AdminUserSchema.shape), 'temporary', 'temporaryPassword'],
  vessel: Object.keys(VesselSchema.shape),
};

describe('every audited field in words', () => {
  it.each(['fr', 'en'] as const)('%s labels every field the API writes for each object', async (lang) => {
    const t = await translatorIn(lang);
    const raw = Object.entries(AUDITED_FIELDS).flatMap(([entity, fields]) =>
      fields.filter((field) => fieldLabel(t, entity, field) === field).map((field) => `${entity}.${field}`),
    );
    expect(raw).toEqual([]);
  });

  it('names sign-in details, exchange rates and payment allocations as the QA found them raw', async () => {
    const fr = await translatorIn('fr');
    const en = await translatorIn('en');
    expect(changedFieldLabels(fr, 'auth', ['ip', 'method', 'sessionId', 'userAgent', 'username'])).toBe(
      'Adresse IP, Méthode, Session, Navigateur, Identifiant',
    );
    expect(fieldLabel(en, 'exchange_rate', 'rate')).toBe('Rate (TND)');
    expect(fieldLabel(fr, 'payment', 'allocations')).toBe('Affectations');
    expect(fieldLabel(en, 'invoice', 'paymentStatus')).not.toBe('paymentStatus');
    expect(fieldLabel(fr, 'job', 'sealNumber')).toBe('N° de scellé');
    expect(fieldLabel(en, 'job', 'kind')).toBe('Kind');
  });
});

describe('decimalWord: stored decimals as a reader writes them', () => {
  it('keeps an amount’s millimes and drops a rate’s zeros past them', () => {
    expect(decimalWord('510.000', 'en')).toBe('510.000');
    expect(decimalWord('3.400000', 'en')).toBe('3.400');
    expect(decimalWord('3.412500', 'fr')).toBe('3,4125');
    expect(decimalWord('1234.5', 'en')).toBe('1,234.5');
  });

  it('leaves alone what is not a decimal (ids, document numbers)', () => {
    expect(decimalWord('9074729', 'en')).toBeNull();
    expect(decimalWord('F2026-00011', 'en')).toBeNull();
  });
});

describe('systemActorLabel: actors no user stands behind, in words', () => {
  it.each([
    ['system', 'Système', 'System'],
    [ANONYMOUS_ACTOR, 'Non connecté', 'Not signed in'],
    ['public-link', 'Lien public (client)', 'Public link (customer)'],
  ])('%s', (actor, french, english) => {
    expect(systemActorLabel(translatorOf({ audit: fr }), actor)).toBe(french);
    expect(systemActorLabel(translatorOf({ audit: en }), actor)).toBe(english);
  });

  it('answers null for a user id or an actor without a word (the page shows it as stored)', () => {
    const t = translatorOf({ audit: en });
    expect(systemActorLabel(t, '6f1c2a9e-0b1d-4c3e-9f00-123456789abc')).toBeNull();
    expect(systemActorLabel(t, 'night-batch')).toBeNull();
    expect(systemActorLabel(t, '')).toBeNull();
  });

  it('French and English name the same actors', () => {
    expect(Object.keys(fr.actors).sort()).toEqual(Object.keys(en.actors).sort());
  });
});

describe('changeSummary: what an entry changed, in one line', () => {
  /** Transloco with its `{{count}}` interpolation, over the audit scope only. */
  const withCount =
    (lang: 'en' | 'fr') =>
    (path: string, params?: Record<string, unknown>): string =>
      translatorOf({ audit: LANGUAGES[lang] })(path).replace('{{count}}', String(params?.['count'] ?? ''));
  const fields = ['number', 'clientId', 'currency'];

  it('counts the values of a creation or a deletion instead of naming every field', () => {
    expect(
      changeSummary(withCount('fr'), 'fr', { action: 'create', entity: 'quote', changedFields: fields }),
    ).toBe('3 valeurs enregistrées');
    expect(
      changeSummary(withCount('en'), 'en', { action: 'create', entity: 'quote', changedFields: ['name'] }),
    ).toBe('1 value recorded');
    expect(
      changeSummary(withCount('fr'), 'fr', { action: 'delete', entity: 'lead', changedFields: ['name'] }),
    ).toBe('1 valeur avant suppression');
    expect(
      changeSummary(withCount('en'), 'en', { action: 'delete', entity: 'lead', changedFields: fields }),
    ).toBe('3 values before deletion');
  });

  it('names the fields of any other entry (an update, a sign-in)', async () => {
    const fr = await translatorIn('fr');
    expect(
      changeSummary(fr, 'fr', { action: 'login', entity: 'auth', changedFields: ['ip', 'method'] }),
    ).toBe('Adresse IP, Méthode');
  });

  it('leaves out the edit’s own date and version unless nothing else changed', async () => {
    const en = await translatorIn('en');
    const update = (changedFields: string[]) => ({ action: 'update', entity: 'lead', changedFields });
    expect(changeSummary(en, 'en', update(['status', 'updatedAt', 'version']))).toBe(
      fieldLabel(en, 'lead', 'status'),
    );
    expect(changeSummary(en, 'en', update(['updatedAt', 'version']))).toBe(
      `${fieldLabel(en, 'lead', 'updatedAt')}, ${fieldLabel(en, 'lead', 'version')}`,
    );
    expect(fieldLabel(en, 'lead', 'status')).not.toBe('status');
  });
});
