import { z } from 'zod';
import { BASE_CURRENCY, DOCUMENT_LANGUAGES } from '../vocabulary.js';
import {
  CountryCodeSchema,
  CurrencyCodeSchema,
  PhoneSchema,
  line,
  listContracts,
  EmailSchema,
  EntityIdSchema,
  optionalLine,
  optionalText,
  QueryBooleanSchema,
  readSchema,
  updateSchema,
  UserIdListSchema,
  UserIdSchema,
  VersionSchema,
  text,
} from '../common.js';
import {
  clientFiscalCreateDefaults,
  clientFiscalFields,
  normaliseTaxId,
  refineClientFiscal,
} from '../fiscal/client-fiscal.js';

/** Language of the documents (quote PDFs, e-mails) sent to the client. */
export const DocumentLanguageSchema = z.enum(DOCUMENT_LANGUAGES);
export type DocumentLanguage = z.infer<typeof DocumentLanguageSchema>;

// ------------------------------------------------------------------------------------- clients

/** A client as stored. Contacts live under `/api/clients/:id/contacts`. */
const clientFields = {
  name: line(200),
  /**
   * Tax id: for a Tunisian client a matricule fiscal (`1234567A/A/M/000`, checked and stored in
   * that form); free text for foreign clients, which carry other tax ids.
   */
  fiscalId: optionalText(50),
  address: optionalText(500),
  city: optionalText(100),
  country: CountryCodeSchema,
  currency: CurrencyCodeSchema,
  language: DocumentLanguageSchema,
  assignedTo: UserIdListSchema,
  ...clientFiscalFields,
};

/** A tax id typed as a matricule ("1234567a a m 000") is stored in its slashed form. */
function withNormalisedTaxId<T extends { fiscalId?: string | null | undefined }>(value: T): T {
  return value.fiscalId ? { ...value, fiscalId: normaliseTaxId(value.fiscalId) } : value;
}

/**
 * Create body. Cross-field rules (Tunisian tax id format, VAT suspension authorisation, blocked
 * reason) are checked here; a PATCH is checked by the API once merged with the stored client.
 */
export const ClientCreateSchema = z
  .strictObject({
    ...clientFields,
    country: CountryCodeSchema.default('TN'),
    currency: CurrencyCodeSchema.default(BASE_CURRENCY),
    language: DocumentLanguageSchema.default('fr'),
    /** Absent: the API assigns the creating user. */
    assignedTo: UserIdListSchema.optional(),
    ...clientFiscalCreateDefaults,
  })
  .superRefine(refineClientFiscal)
  .overwrite(withNormalisedTaxId);
export type ClientCreateInput = z.input<typeof ClientCreateSchema>;
export type ClientCreate = z.infer<typeof ClientCreateSchema>;

export const ClientUpdateSchema = updateSchema(clientFields).overwrite(withNormalisedTaxId);
export type ClientUpdate = z.infer<typeof ClientUpdateSchema>;

export const ClientSchema = readSchema(clientFields);
export type Client = z.infer<typeof ClientSchema>;

export const {
  sortFields: CLIENT_SORT_FIELDS,
  query: ClientListQuerySchema,
  page: ClientPageSchema,
} = listContracts(ClientSchema, ['name', 'city', 'country'], {
  country: CountryCodeSchema.optional(),
  currency: CurrencyCodeSchema.optional(),
  assignedTo: UserIdSchema.optional(),
});
export type ClientListQuery = z.infer<typeof ClientListQuerySchema>;
export type ClientPage = z.infer<typeof ClientPageSchema>;

/**
 * `GET /api/clients/duplicates?name=&fiscalId=&excludeId=`: live clients that look like the one
 * being typed — same tax id (ignoring spaces, slashes, dots and case) or same name (ignoring
 * accents, case, punctuation and the legal form: "Céramiques du Sahel" = "CERAMIQUES DU SAHEL S.A.R.L.").
 */
export const ClientDuplicatesQuerySchema = z.strictObject({
  name: line(200).optional(),
  fiscalId: text(50).optional(),
  /** The client being edited, never its own duplicate. */
  excludeId: EntityIdSchema.optional(),
});
export type ClientDuplicatesQuery = z.infer<typeof ClientDuplicatesQuerySchema>;

export const ClientDuplicateSchema = z.object({
  id: EntityIdSchema,
  name: z.string(),
  fiscalId: z.string().nullable(),
  /** What matched: the tax id (a create/update with it answers 409) or only the name (a warning). */
  match: z.enum(['fiscalId', 'name']),
  /** Whether the caller may open it (another commercial's client answers 404 to them). */
  accessible: z.boolean(),
});
export type ClientDuplicate = z.infer<typeof ClientDuplicateSchema>;

export const ClientDuplicatesSchema = z.object({ items: z.array(ClientDuplicateSchema).max(10) });
export type ClientDuplicates = z.infer<typeof ClientDuplicatesSchema>;

// ------------------------------------------------------------------------------------ contacts

const contactFields = {
  firstName: optionalLine(100),
  lastName: line(100),
  /** Role or position at the client (e.g. "Responsable logistique"). */
  position: optionalText(100),
  phones: z.array(PhoneSchema).max(10),
  emails: z.array(EmailSchema).max(10),
  /** One primary contact per client: the API clears the flag on the others when it is set. */
  isPrimary: z.boolean(),
};

export const ContactCreateSchema = z.strictObject({
  ...contactFields,
  phones: contactFields.phones.default(() => []),
  emails: contactFields.emails.default(() => []),
  isPrimary: z.boolean().default(false),
});
export type ContactCreateInput = z.input<typeof ContactCreateSchema>;
export type ContactCreate = z.infer<typeof ContactCreateSchema>;

export const ContactUpdateSchema = updateSchema(contactFields);
export type ContactUpdate = z.infer<typeof ContactUpdateSchema>;

/** A contact as stored; `clientId` comes from the URL on create and never changes. */
export const ContactSchema = readSchema({ ...contactFields, clientId: EntityIdSchema });
export type Contact = z.infer<typeof ContactSchema>;

export const {
  sortFields: CONTACT_SORT_FIELDS,
  query: ContactListQuerySchema,
  page: ContactPageSchema,
} = listContracts(ContactSchema, ['lastName', 'firstName'], { isPrimary: QueryBooleanSchema.optional() });
export type ContactListQuery = z.infer<typeof ContactListQuerySchema>;
export type ContactPage = z.infer<typeof ContactPageSchema>;

/**
 * `DELETE /api/clients/:id/contacts/:contactId?version=3`: a delete is versioned too (no removing
 * a contact someone just edited); DELETE has no body, so the version rides in the query.
 */
export const ContactDeleteQuerySchema = z.strictObject({ version: z.coerce.number().pipe(VersionSchema) });
export type ContactDeleteQuery = z.infer<typeof ContactDeleteQuerySchema>;
