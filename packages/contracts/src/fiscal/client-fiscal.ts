import { z } from 'zod';
import {
  AmountSchema,
  CountryCodeSchema,
  PhoneSchema,
  IsoDateSchema,
  EmailSchema,
  optionalLine,
  optionalText,
  text,
} from '../common.js';
import { BankAccountSchema, SwiftSchema } from './bank.js';
import { MATRICULE_FORMAT_MESSAGE, normaliseMatricule } from './tax-id.js';
import { FIELD_MESSAGES } from '../problem.js';

// A client's fiscal and finance data (docs/rules.md, "Clients' fiscal data"). Every field is
// optional for the clients created before it existed; the cross-field rules live in
// `clientFiscalIssues` so the create contract and the API's PATCH (which merges with the stored
// row) apply the very same checks.

/** Resident (Tunisian) or foreign client: drives the tax-id check and the VAT treatment. */
export const CLIENT_CATEGORIES = ['local', 'foreign'] as const;
export const ClientCategorySchema = z.enum(CLIENT_CATEGORIES);
export type ClientCategory = z.infer<typeof ClientCategorySchema>;

/** Which side of the shipments the client is on. */
export const CLIENT_TYPES = ['shipper', 'consignee', 'both'] as const;
export const ClientTypeSchema = z.enum(CLIENT_TYPES);
export type ClientType = z.infer<typeof ClientTypeSchema>;

/** VAT regime: subject (default), suspended under an authorisation, or exempt. */
export const VAT_REGIMES = ['subject', 'suspended', 'exempt'] as const;
export const VatRegimeSchema = z.enum(VAT_REGIMES);
export type VatRegime = z.infer<typeof VatRegimeSchema>;

export const ADDRESS_KINDS = ['billing', 'pickup', 'delivery'] as const;
export const AddressKindSchema = z.enum(ADDRESS_KINDS);
export type AddressKind = z.infer<typeof AddressKindSchema>;

export const ClientAddressSchema = z.strictObject({
  kind: AddressKindSchema,
  /** e.g. "Usine Sfax", "Entrepôt Radès". */
  label: optionalText(100),
  street: text(500),
  postalCode: optionalText(20),
  city: optionalText(100),
  country: CountryCodeSchema,
});
export type ClientAddress = z.infer<typeof ClientAddressSchema>;

/** General-ledger account (e.g. 411000 or 4110SOTUPA): letters and digits. */
export const AccountingAccountSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{1,20}$/, 'expected a ledger account such as 411000');

/** A web address; the scheme is optional when typed ("www.sotupa.tn"). */
export const WebsiteSchema = z
  .string()
  .trim()
  .max(200)
  .regex(
    /^(?:https?:\/\/)?[^\s/.]+(?:\.[^\s/.]+)+(?:\/\S*)?$/i,
    'expected a web address such as www.example.tn',
  );

export const clientFiscalFields = {
  legalName: optionalLine(200),
  category: ClientCategorySchema.nullish(),
  clientType: ClientTypeSchema.nullish(),
  customsCode: optionalText(30),
  vatRegime: VatRegimeSchema,
  vatSuspensionNumber: optionalText(50),
  vatSuspensionIssuedOn: IsoDateSchema.nullish(),
  vatSuspensionExpiresOn: IsoDateSchema.nullish(),
  stampDutyExempt: z.boolean(),
  paymentTermsDays: z.number().int().min(0).max(365).nullish(),
  /** Terms run to the end of the month ("60 jours fin de mois"). */
  paymentTermsEndOfMonth: z.boolean(),
  /** In the client's currency; ADMIN only (with `blocked`). */
  creditLimit: AmountSchema.nullish(),
  blocked: z.boolean(),
  blockedReason: optionalText(500),
  bankName: optionalText(100),
  bankAccount: BankAccountSchema.nullish(),
  swift: SwiftSchema.nullish(),
  accountingAccount: AccountingAccountSchema.nullish(),
  phone: PhoneSchema.nullish(),
  email: EmailSchema.nullish(),
  website: WebsiteSchema.nullish(),
  industry: optionalText(100),
  addresses: z.array(ClientAddressSchema).max(20),
};

/** Defaults of a new client: subject to VAT, stamp duty due, not blocked, no extra address. */
export const clientFiscalCreateDefaults = {
  vatRegime: VatRegimeSchema.default('subject'),
  stampDutyExempt: z.boolean().default(false),
  paymentTermsEndOfMonth: z.boolean().default(false),
  blocked: z.boolean().default(false),
  addresses: clientFiscalFields.addresses.default(() => []),
};

/** Fields ADMIN alone sets (docs/rules.md): credit exposure and blocking are management calls. */
export const ADMIN_ONLY_CLIENT_FIELDS = ['creditLimit', 'blocked', 'blockedReason'] as const;

/** The part of a client the cross-field rules read (a create body, or a PATCH merged with the row). */
export interface ClientFiscalState {
  country?: string | null | undefined;
  fiscalId?: string | null | undefined;
  vatRegime?: VatRegime | null | undefined;
  vatSuspensionNumber?: string | null | undefined;
  vatSuspensionIssuedOn?: string | null | undefined;
  vatSuspensionExpiresOn?: string | null | undefined;
  blocked?: boolean | null | undefined;
  blockedReason?: string | null | undefined;
}

export interface ClientFiscalIssue {
  field: keyof ClientFiscalState;
  message: string;
}

/**
 * The cross-field rules: a Tunisian client's tax id is a matricule fiscal; a suspended VAT regime
 * needs its authorisation number and dates, expiry after issue; a blocked client says why.
 */
export function clientFiscalIssues(state: ClientFiscalState): ClientFiscalIssue[] {
  const issues: ClientFiscalIssue[] = [];
  if (state.country === 'TN' && state.fiscalId && normaliseMatricule(state.fiscalId) === null) {
    issues.push({ field: 'fiscalId', message: MATRICULE_FORMAT_MESSAGE });
  }
  if (state.vatRegime === 'suspended') {
    const required = ['vatSuspensionNumber', 'vatSuspensionIssuedOn', 'vatSuspensionExpiresOn'] as const;
    for (const field of required) {
      if (!state[field]) issues.push({ field, message: FIELD_MESSAGES.requiredWhenVatSuspended });
    }
    const { vatSuspensionIssuedOn: from, vatSuspensionExpiresOn: to } = state;
    if (from && to && to <= from) {
      issues.push({ field: 'vatSuspensionExpiresOn', message: 'must be after the issue date' });
    }
  }
  if (state.blocked && !state.blockedReason) {
    issues.push({ field: 'blockedReason', message: FIELD_MESSAGES.requiredWhenBlocked });
  }
  return issues;
}

/** A tax id in the matricule form is stored slashed and upper case, whatever the country. */
export function normaliseTaxId(fiscalId: string): string {
  return normaliseMatricule(fiscalId) ?? fiscalId;
}

/** zod glue: reports `clientFiscalIssues` at the field each one names. */
export function refineClientFiscal(state: ClientFiscalState, ctx: z.RefinementCtx): void {
  for (const issue of clientFiscalIssues(state)) {
    ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  }
}

// ------------------------------------------------------------------ VAT suspensions expiring

/** Longest look-ahead of the expiring list (a year of authorisations). */
export const MAX_EXPIRING_DAYS = 365;

/** `GET /api/clients/vat-suspensions/expiring?days=30` (FINANCE and ADMIN: `clients:finance`). */
export const VatSuspensionExpiringQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(0).max(MAX_EXPIRING_DAYS).default(30),
});
export type VatSuspensionExpiringQuery = z.infer<typeof VatSuspensionExpiringQuerySchema>;

/**
 * A live client under VAT suspension whose authorisation expires within `days` (or already has:
 * still marked suspended, it is the most urgent to renew). Sorted by expiry, at most 100.
 */
export const VatSuspensionExpiringSchema = z.object({
  clientId: z.uuid(),
  name: z.string(),
  fiscalId: z.string().nullable(),
  vatSuspensionNumber: z.string(),
  vatSuspensionIssuedOn: IsoDateSchema,
  vatSuspensionExpiresOn: IsoDateSchema,
  /** Days from today (Tunis) to the expiry; negative once expired. */
  daysLeft: z.number().int(),
});
export type VatSuspensionExpiring = z.infer<typeof VatSuspensionExpiringSchema>;

export const VatSuspensionExpiringListSchema = z.object({
  items: z.array(VatSuspensionExpiringSchema).max(100),
});
export type VatSuspensionExpiringList = z.infer<typeof VatSuspensionExpiringListSchema>;
